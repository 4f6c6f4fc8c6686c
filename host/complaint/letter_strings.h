// The letter's text in each language it is written in (letter_strings.cc). Plain text: the renderer
// escapes every string.
#ifndef OBJECTOR_COMPLAINT_LETTER_STRINGS_H_
#define OBJECTOR_COMPLAINT_LETTER_STRINGS_H_

#include <string>

namespace objector {

struct LetterStrings {
  const char* language;
  const char* title;
  const char* from, *to, *date, *email, *country;
  const char* subject;
  const char* salutation;
  const char* intro;
  const char* list_intro;
  const char* none_recorded;
  const char* col_date, *col_platform, *col_form, *col_status, *col_answer;
  const char* form_own, *form_third_party;
  const char* status_submitted, *status_awaiting_code, *status_confirmed, *status_failed;
  const char* no_answer;
  const char* request;
  const char* chain_head, *chain_after, *chain_broken;
  const char* attached;
  const char* closing;
  const char* signature;
  const char* note_title, *note_text, *note_attach, *note_unverified, *note_print;
  const char* attachment_title;
};

// nullptr when the language is not one of ours.
const LetterStrings* FindLetterStrings(const std::string& language);
// The strings for a letter to `authority_country`'s authority: for GB always the UK English letter
// (UK GDPR, Meta Platforms, Inc.), else FindLetterStrings(language).
const LetterStrings* FindLetterStrings(const std::string& language, const std::string& authority_country);
// "en, de, fr, nl, it, es, pl".
std::string LetterLanguages();

}  // namespace objector

#endif  // OBJECTOR_COMPLAINT_LETTER_STRINGS_H_
