// The complaint pack: a printable letter to a data-protection supervisory authority about Meta's use
// of the person's data for AI training, naming every recorded objection with its date and Meta's
// answer, followed (after a page break) by the evidence report (export/html.cc). One self-contained
// HTML file: no scripts, no external resources, the export's CSP. Objector sends nothing; a note for
// the person (shown on screen, not printed) says so. Every value from the profile and the history is
// escaped.
#ifndef OBJECTOR_COMPLAINT_LETTER_H_
#define OBJECTOR_COMPLAINT_LETTER_H_

#include <optional>
#include <string>
#include <vector>

#include "complaint/authorities.h"
#include "export/export.h"
#include "store/records.h"

namespace objector {

// The languages the letter is written in: en, de, fr, nl, it, es, pl.
bool IsLetterLanguage(const std::string& language);
std::string LetterLanguageList();

// The language to write in: `requested` when we have it, else the profile's when we have it, else
// "en". (A requested language we do not have falls back to English, as the issue asks.)
std::string ChooseLetterLanguage(const std::string& requested, const std::optional<std::string>& profile_language);

// The whole file. `items` as Store::ListHistory returns them (newest first); `meta` as for the html
// export (its profile, generation time, chain head, blobs). `language` must be IsLetterLanguage.
std::string RenderComplaint(const std::vector<HistoryItem>& items, const ExportMeta& meta, const Authority& authority,
                            const std::string& language);

// "objector-complaint-DE-HH-2026-12-02.html".
std::string ComplaintFileName(const Authority& authority, const std::string& generated_at);

}  // namespace objector

#endif  // OBJECTOR_COMPLAINT_LETTER_H_
