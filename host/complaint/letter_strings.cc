// The letter in seven languages. Each entry follows LetterStrings' order; the legal references are
// the ones each language's official GDPR text uses (DSGVO, RGPD, AVG, GDPR, RODO).
#include "complaint/letter_strings.h"

namespace objector {
namespace {

const LetterStrings kStrings[] = {
    {"en",
     "Complaint to a data-protection supervisory authority",
     "From", "To", "Date", "Email", "Country of residence",
     "Complaint under Article 77 GDPR concerning Meta Platforms Ireland Limited: my objection (Article 21 GDPR) "
     "to the use of my personal data for AI training",
     "Dear Sir or Madam,",
     "I hereby lodge a complaint under Article 77 of the General Data Protection Regulation (GDPR) concerning Meta "
     "Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Ireland), the controller for Facebook and "
     "Instagram in the European Union. Meta uses its users' personal data to develop and improve artificial "
     "intelligence (\"AI at Meta\"), relying on what it calls its legitimate interest. I object to this processing "
     "under Article 21 GDPR.",
     "Through the forms Meta provides, I sent the following objections. Objector, a program on my computer, "
     "recorded each one when it was sent, together with Meta's answer as it appeared on the page:",
     "No objection was recorded: Objector holds no record of an objection I sent through Meta's forms.",
     "Date", "Platform", "Form", "Status", "Meta's answer",
     "Objection to the use of my own information", "Objection concerning information about me shared by others",
     "sent", "confirmation code pending", "confirmed by Meta", "refused or failed",
     "(no answer text recorded)",
     "I ask you to examine this complaint and to establish whether Meta Platforms Ireland Limited honours my "
     "objection, in particular whether it has stopped using my personal data (including data collected before my "
     "objection) to develop and improve AI; to cooperate with the lead supervisory authority where necessary "
     "(Articles 56 and 60 GDPR); and to inform me of the progress and the outcome of my complaint (Article 77(2) "
     "GDPR).",
     "Every record and every answer from Meta is secured in a hash chain (SHA-256); its head at the time of this "
     "letter is",
     "A later change to the records would change it.",
     "The records could not be fully verified:",
     "Enclosure: evidence report (following this letter).",
     "Yours faithfully,",
     "(signature)",
     "Note for you (not part of the letter)",
     "Objector has not sent anything. Check the letter, print it, sign it and post it to the address above, or "
     "submit its text through the authority's online form:",
     "The evidence report follows the letter: enclose it (printed, or as this file).",
     "We could not confirm this address on the authority's own page: check it there before you send the letter:",
     "This note is not printed.",
     "Enclosure: evidence report"},
    {"de",
     "Beschwerde bei einer Datenschutz-Aufsichtsbehörde",
     "Absender", "An", "Datum", "E-Mail", "Land des Wohnsitzes",
     "Beschwerde nach Art. 77 DSGVO über die Meta Platforms Ireland Limited: mein Widerspruch (Art. 21 DSGVO) gegen "
     "die Nutzung meiner personenbezogenen Daten für das Training von KI",
     "Sehr geehrte Damen und Herren,",
     "hiermit reiche ich Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO) über die Meta Platforms "
     "Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Irland) ein, die Verantwortliche für Facebook und Instagram "
     "in der Europäischen Union. Meta nutzt personenbezogene Daten seiner Nutzerinnen und Nutzer zur Entwicklung und "
     "Verbesserung künstlicher Intelligenz („KI bei Meta“) und beruft sich dafür auf ein berechtigtes Interesse. "
     "Dieser Verarbeitung widerspreche ich nach Art. 21 DSGVO.",
     "Über die von Meta bereitgestellten Formulare habe ich die folgenden Widersprüche eingelegt. Objector, ein "
     "Programm auf meinem Computer, hat jeden beim Absenden aufgezeichnet, zusammen mit der Antwort von Meta, wie sie "
     "auf der Seite erschien:",
     "Es wurde kein Widerspruch aufgezeichnet: Objector enthält keinen Eintrag über einen Widerspruch, den ich über "
     "die Formulare von Meta eingelegt habe.",
     "Datum", "Plattform", "Formular", "Status", "Antwort von Meta",
     "Widerspruch gegen die Nutzung meiner eigenen Informationen",
     "Widerspruch zu Informationen über mich, die andere geteilt haben",
     "abgesendet", "Bestätigungscode ausstehend", "von Meta bestätigt", "abgelehnt oder fehlgeschlagen",
     "(kein Antworttext aufgezeichnet)",
     "Ich bitte Sie, diese Beschwerde zu prüfen und festzustellen, ob die Meta Platforms Ireland Limited meinen "
     "Widerspruch beachtet, insbesondere ob sie meine personenbezogenen Daten (auch solche, die vor meinem "
     "Widerspruch erhoben wurden) nicht mehr zur Entwicklung und Verbesserung von KI verwendet; soweit erforderlich "
     "mit der federführenden Aufsichtsbehörde zusammenzuarbeiten (Art. 56 und 60 DSGVO); und mich über den Stand und "
     "das Ergebnis der Beschwerde zu unterrichten (Art. 77 Abs. 2 DSGVO).",
     "Jeder Eintrag und jede Antwort von Meta ist in einer Hash-Kette (SHA-256) gesichert; ihr letzter Wert zum "
     "Zeitpunkt dieses Schreibens lautet",
     "Eine spätere Änderung der Aufzeichnungen würde ihn verändern.",
     "Die Aufzeichnungen ließen sich nicht vollständig prüfen:",
     "Anlage: Nachweisbericht (im Anschluss an dieses Schreiben).",
     "Mit freundlichen Grüßen",
     "(Unterschrift)",
     "Hinweis für Sie (nicht Teil des Schreibens)",
     "Objector hat nichts gesendet. Prüfen Sie das Schreiben, drucken Sie es aus, unterschreiben Sie es und senden "
     "Sie es an die oben genannte Anschrift, oder reichen Sie den Text über das Online-Formular der Behörde ein:",
     "Der Nachweisbericht folgt auf das Schreiben: Legen Sie ihn bei (ausgedruckt oder als diese Datei).",
     "Diese Anschrift konnten wir nicht auf der Seite der Behörde bestätigen: Prüfen Sie sie dort vor dem Absenden:",
     "Dieser Hinweis wird nicht mitgedruckt.",
     "Anlage: Nachweisbericht"},
    {"fr",
     "Plainte auprès d'une autorité de contrôle de la protection des données",
     "Expéditeur", "Destinataire", "Date", "Courriel", "Pays de résidence",
     "Plainte au titre de l'article 77 du RGPD concernant Meta Platforms Ireland Limited : mon opposition "
     "(article 21 du RGPD) à l'utilisation de mes données personnelles pour l'entraînement de l'IA",
     "Madame, Monsieur,",
     "Par la présente, je dépose une plainte au titre de l'article 77 du règlement général sur la protection des "
     "données (RGPD) concernant Meta Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Irlande), "
     "responsable du traitement pour Facebook et Instagram dans l'Union européenne. Meta utilise les données "
     "personnelles de ses utilisateurs pour développer et améliorer l'intelligence artificielle (« l'IA chez Meta ») "
     "en invoquant son intérêt légitime. Je m'oppose à ce traitement en vertu de l'article 21 du RGPD.",
     "Au moyen des formulaires mis à disposition par Meta, j'ai formé les oppositions suivantes. Objector, un "
     "programme installé sur mon ordinateur, a enregistré chacune d'elles au moment de l'envoi, avec la réponse de "
     "Meta telle qu'elle s'affichait sur la page :",
     "Aucune opposition n'a été enregistrée : Objector ne contient aucune trace d'une opposition envoyée par moi au "
     "moyen des formulaires de Meta.",
     "Date", "Plateforme", "Formulaire", "Statut", "Réponse de Meta",
     "Opposition à l'utilisation de mes propres informations",
     "Opposition concernant des informations sur moi partagées par d'autres personnes",
     "envoyée", "code de confirmation en attente", "confirmée par Meta", "refusée ou échouée",
     "(aucun texte de réponse enregistré)",
     "Je vous demande d'examiner cette plainte et de vérifier si Meta Platforms Ireland Limited respecte mon "
     "opposition, en particulier si elle a cessé d'utiliser mes données personnelles (y compris celles collectées "
     "avant mon opposition) pour développer et améliorer l'IA ; de coopérer, si nécessaire, avec l'autorité de "
     "contrôle chef de file (articles 56 et 60 du RGPD) ; et de m'informer de l'état d'avancement et de l'issue de ma "
     "plainte (article 77, paragraphe 2, du RGPD).",
     "Chaque enregistrement et chaque réponse de Meta sont protégés par une chaîne de hachage (SHA-256) ; sa tête au "
     "moment de ce courrier est",
     "Toute modification ultérieure des enregistrements la changerait.",
     "Les enregistrements n'ont pas pu être entièrement vérifiés :",
     "Pièce jointe : rapport de preuves (à la suite de ce courrier).",
     "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
     "(signature)",
     "Note pour vous (ne fait pas partie du courrier)",
     "Objector n'a rien envoyé. Relisez le courrier, imprimez-le, signez-le et envoyez-le à l'adresse ci-dessus, ou "
     "déposez son texte au moyen du formulaire en ligne de l'autorité :",
     "Le rapport de preuves suit le courrier : joignez-le (imprimé ou sous forme de ce fichier).",
     "Nous n'avons pas pu confirmer cette adresse sur le site de l'autorité : vérifiez-la avant l'envoi :",
     "Cette note n'est pas imprimée.",
     "Pièce jointe : rapport de preuves"},
    {"nl",
     "Klacht bij een toezichthoudende autoriteit voor gegevensbescherming",
     "Afzender", "Aan", "Datum", "E-mail", "Woonland",
     "Klacht op grond van artikel 77 AVG over Meta Platforms Ireland Limited: mijn bezwaar (artikel 21 AVG) tegen "
     "het gebruik van mijn persoonsgegevens voor het trainen van AI",
     "Geachte heer, mevrouw,",
     "Hierbij dien ik een klacht in op grond van artikel 77 van de Algemene verordening gegevensbescherming (AVG) "
     "over Meta Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Ierland), de "
     "verwerkingsverantwoordelijke voor Facebook en Instagram in de Europese Unie. Meta gebruikt persoonsgegevens van "
     "zijn gebruikers om kunstmatige intelligentie (\"AI bij Meta\") te ontwikkelen en te verbeteren en beroept zich "
     "daarbij op een gerechtvaardigd belang. Ik maak op grond van artikel 21 AVG bezwaar tegen deze verwerking.",
     "Via de formulieren die Meta daarvoor aanbiedt, heb ik de volgende bezwaren ingediend. Objector, een programma "
     "op mijn computer, heeft elk bezwaar bij het verzenden vastgelegd, samen met het antwoord van Meta zoals het op "
     "de pagina verscheen:",
     "Er is geen bezwaar vastgelegd: Objector bevat geen gegevens van een bezwaar dat ik via de formulieren van Meta "
     "heb ingediend.",
     "Datum", "Platform", "Formulier", "Status", "Antwoord van Meta",
     "Bezwaar tegen het gebruik van mijn eigen gegevens", "Bezwaar over gegevens over mij die door anderen zijn gedeeld",
     "verzonden", "bevestigingscode in afwachting", "door Meta bevestigd", "geweigerd of mislukt",
     "(geen antwoordtekst vastgelegd)",
     "Ik verzoek u deze klacht te onderzoeken en vast te stellen of Meta Platforms Ireland Limited mijn bezwaar "
     "respecteert, in het bijzonder of Meta mijn persoonsgegevens (ook gegevens die vóór mijn bezwaar zijn verzameld) "
     "niet langer gebruikt om AI te ontwikkelen en te verbeteren; zo nodig samen te werken met de leidende "
     "toezichthoudende autoriteit (artikelen 56 en 60 AVG); en mij te informeren over de voortgang en de uitkomst van "
     "mijn klacht (artikel 77, lid 2, AVG).",
     "Elk vastgelegd gegeven en elk antwoord van Meta is beveiligd met een hashketen (SHA-256); de kop ervan op het "
     "moment van deze brief is",
     "Een latere wijziging van de gegevens zou die veranderen.",
     "De vastgelegde gegevens konden niet volledig worden gecontroleerd:",
     "Bijlage: bewijsrapport (na deze brief).",
     "Met vriendelijke groet,",
     "(handtekening)",
     "Opmerking voor u (geen deel van de brief)",
     "Objector heeft niets verzonden. Controleer de brief, druk hem af, onderteken hem en stuur hem naar het adres "
     "hierboven, of dien de tekst in via het online formulier van de autoriteit:",
     "Het bewijsrapport volgt na de brief: voeg het bij (afgedrukt of als dit bestand).",
     "Dit adres konden wij niet bevestigen op de website van de autoriteit: controleer het daar vóór verzending:",
     "Deze opmerking wordt niet afgedrukt.",
     "Bijlage: bewijsrapport"},
    {"it",
     "Reclamo a un'autorità di controllo per la protezione dei dati",
     "Mittente", "Destinatario", "Data", "E-mail", "Paese di residenza",
     "Reclamo ai sensi dell'articolo 77 del GDPR riguardante Meta Platforms Ireland Limited: la mia opposizione "
     "(articolo 21 del GDPR) all'uso dei miei dati personali per l'addestramento dell'IA",
     "Gentili Signore e Signori,",
     "con la presente propongo reclamo ai sensi dell'articolo 77 del regolamento generale sulla protezione dei dati "
     "(GDPR) riguardante Meta Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Irlanda), titolare del "
     "trattamento per Facebook e Instagram nell'Unione europea. Meta utilizza i dati personali dei propri utenti per "
     "sviluppare e migliorare l'intelligenza artificiale («IA di Meta») invocando il proprio legittimo interesse. Mi "
     "oppongo a tale trattamento ai sensi dell'articolo 21 del GDPR.",
     "Tramite i moduli messi a disposizione da Meta ho presentato le seguenti opposizioni. Objector, un programma sul "
     "mio computer, ha registrato ciascuna al momento dell'invio, insieme alla risposta di Meta così come appariva "
     "sulla pagina:",
     "Non è stata registrata alcuna opposizione: Objector non contiene traccia di un'opposizione da me inviata "
     "tramite i moduli di Meta.",
     "Data", "Piattaforma", "Modulo", "Stato", "Risposta di Meta",
     "Opposizione all'uso delle mie informazioni", "Opposizione riguardante informazioni su di me condivise da altri",
     "inviata", "codice di conferma in attesa", "confermata da Meta", "rifiutata o non riuscita",
     "(nessun testo di risposta registrato)",
     "Vi chiedo di esaminare il presente reclamo e di accertare se Meta Platforms Ireland Limited rispetta la mia "
     "opposizione, in particolare se ha cessato di utilizzare i miei dati personali (compresi quelli raccolti prima "
     "della mia opposizione) per sviluppare e migliorare l'IA; di cooperare, ove necessario, con l'autorità di "
     "controllo capofila (articoli 56 e 60 del GDPR); e di informarmi sullo stato e sull'esito del reclamo "
     "(articolo 77, paragrafo 2, del GDPR).",
     "Ogni registrazione e ogni risposta di Meta sono protette da una catena di hash (SHA-256); la sua testa al "
     "momento della presente è",
     "Qualsiasi modifica successiva delle registrazioni la cambierebbe.",
     "Non è stato possibile verificare interamente le registrazioni:",
     "Allegato: rapporto delle prove (dopo la presente).",
     "Distinti saluti,",
     "(firma)",
     "Nota per Lei (non fa parte della lettera)",
     "Objector non ha inviato nulla. Controlli la lettera, la stampi, la firmi e la spedisca all'indirizzo indicato "
     "sopra, oppure presenti il testo tramite il modulo online dell'autorità:",
     "Il rapporto delle prove segue la lettera: lo alleghi (stampato o come questo file).",
     "Non abbiamo potuto confermare questo indirizzo sul sito dell'autorità: lo verifichi lì prima dell'invio:",
     "Questa nota non viene stampata.",
     "Allegato: rapporto delle prove"},
    {"es",
     "Reclamación ante una autoridad de control de protección de datos",
     "Remitente", "Destinatario", "Fecha", "Correo electrónico", "País de residencia",
     "Reclamación conforme al artículo 77 del RGPD relativa a Meta Platforms Ireland Limited: mi oposición "
     "(artículo 21 del RGPD) al uso de mis datos personales para entrenar la IA",
     "Estimados señores:",
     "Por la presente presento una reclamación conforme al artículo 77 del Reglamento General de Protección de Datos "
     "(RGPD) relativa a Meta Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Irlanda), responsable del "
     "tratamiento de Facebook e Instagram en la Unión Europea. Meta utiliza los datos personales de sus usuarios para "
     "desarrollar y mejorar la inteligencia artificial («la IA de Meta») alegando su interés legítimo. Me opongo a "
     "este tratamiento conforme al artículo 21 del RGPD.",
     "A través de los formularios que Meta pone a disposición presenté las siguientes oposiciones. Objector, un "
     "programa en mi ordenador, registró cada una en el momento del envío, junto con la respuesta de Meta tal como "
     "apareció en la página:",
     "No se ha registrado ninguna oposición: Objector no contiene ningún registro de una oposición enviada por mí a "
     "través de los formularios de Meta.",
     "Fecha", "Plataforma", "Formulario", "Estado", "Respuesta de Meta",
     "Oposición al uso de mi propia información", "Oposición relativa a información sobre mí compartida por otras personas",
     "enviada", "código de confirmación pendiente", "confirmada por Meta", "rechazada o fallida",
     "(no se registró ningún texto de respuesta)",
     "Les solicito que examinen esta reclamación y determinen si Meta Platforms Ireland Limited respeta mi oposición, "
     "en particular si ha dejado de utilizar mis datos personales (incluidos los recogidos antes de mi oposición) "
     "para desarrollar y mejorar la IA; que cooperen, en su caso, con la autoridad de control principal (artículos 56 "
     "y 60 del RGPD); y que me informen del curso y del resultado de la reclamación (artículo 77, apartado 2, del "
     "RGPD).",
     "Cada registro y cada respuesta de Meta están protegidos por una cadena de hash (SHA-256); su cabeza en el "
     "momento de esta carta es",
     "Cualquier modificación posterior de los registros la cambiaría.",
     "Los registros no pudieron verificarse por completo:",
     "Anexo: informe de pruebas (a continuación de esta carta).",
     "Atentamente,",
     "(firma)",
     "Nota para usted (no forma parte de la carta)",
     "Objector no ha enviado nada. Revise la carta, imprímala, fírmela y envíela a la dirección indicada arriba, o "
     "presente el texto mediante el formulario en línea de la autoridad:",
     "El informe de pruebas sigue a la carta: adjúntelo (impreso o como este archivo).",
     "No hemos podido confirmar esta dirección en la web de la autoridad: compruébela allí antes del envío:",
     "Esta nota no se imprime.",
     "Anexo: informe de pruebas"},
    {"pl",
     "Skarga do organu nadzorczego ds. ochrony danych osobowych",
     "Nadawca", "Adresat", "Data", "E-mail", "Kraj zamieszkania",
     "Skarga na podstawie art. 77 RODO dotycząca Meta Platforms Ireland Limited: mój sprzeciw (art. 21 RODO) wobec "
     "wykorzystywania moich danych osobowych do trenowania sztucznej inteligencji",
     "Szanowni Państwo,",
     "niniejszym wnoszę skargę na podstawie art. 77 ogólnego rozporządzenia o ochronie danych (RODO) dotyczącą Meta "
     "Platforms Ireland Limited (Merrion Road, Dublin 4, D04 X2K5, Irlandia), administratora danych serwisów "
     "Facebook i Instagram w Unii Europejskiej. Meta wykorzystuje dane osobowe swoich użytkowników do rozwijania i "
     "ulepszania sztucznej inteligencji („AI w Meta”), powołując się na swój prawnie uzasadniony interes. Na "
     "podstawie art. 21 RODO wnoszę sprzeciw wobec tego przetwarzania.",
     "Za pomocą formularzy udostępnionych przez Meta zostały wysłane następujące moje sprzeciwy. Objector, program na "
     "moim komputerze, zapisał każdy z nich w chwili wysłania wraz z odpowiedzią Meta w brzmieniu wyświetlonym na "
     "stronie:",
     "Nie zapisano żadnego sprzeciwu: Objector nie zawiera zapisu sprzeciwu wysłanego przeze mnie za pomocą "
     "formularzy Meta.",
     "Data", "Platforma", "Formularz", "Status", "Odpowiedź Meta",
     "Sprzeciw wobec wykorzystywania moich własnych informacji",
     "Sprzeciw dotyczący informacji o mnie udostępnionych przez inne osoby",
     "wysłany", "oczekuje na kod potwierdzający", "potwierdzony przez Meta", "odrzucony lub nieudany",
     "(nie zapisano tekstu odpowiedzi)",
     "Proszę o rozpatrzenie niniejszej skargi i ustalenie, czy Meta Platforms Ireland Limited respektuje mój "
     "sprzeciw, w szczególności czy zaprzestała wykorzystywania moich danych osobowych (w tym zebranych przed "
     "złożeniem sprzeciwu) do rozwijania i ulepszania sztucznej inteligencji; o współpracę, w razie potrzeby, z "
     "wiodącym organem nadzorczym (art. 56 i 60 RODO); oraz o informowanie mnie o postępach i wyniku rozpatrzenia "
     "skargi (art. 77 ust. 2 RODO).",
     "Każdy zapis i każda odpowiedź Meta są zabezpieczone łańcuchem skrótów (SHA-256); jego wierzchołek w chwili "
     "sporządzenia tego pisma to",
     "Każda późniejsza zmiana zapisów by go zmieniła.",
     "Zapisów nie udało się w pełni zweryfikować:",
     "Załącznik: raport dowodowy (po niniejszym piśmie).",
     "Z poważaniem",
     "(podpis)",
     "Informacja dla Ciebie (nie jest częścią pisma)",
     "Objector niczego nie wysłał. Sprawdź pismo, wydrukuj je, podpisz i wyślij na powyższy adres albo złóż jego "
     "treść za pomocą formularza internetowego organu:",
     "Raport dowodowy znajduje się po piśmie: dołącz go (wydrukowany lub jako ten plik).",
     "Nie udało nam się potwierdzić tego adresu na stronie organu: sprawdź go tam przed wysłaniem:",
     "Ta informacja nie jest drukowana.",
     "Załącznik: raport dowodowy"},
};

// For the United Kingdom: UK GDPR, and Meta Platforms, Inc. as the controller (Facebook moved its UK
// users from Facebook Ireland to Facebook, Inc., now Meta Platforms, Inc., after Brexit: Reuters,
// 15 Dec 2020, confirmed by Facebook). English only: the ICO's letter, which is kStrings' "en" (the
// first entry) with its own subject, introduction and request.
LetterStrings MakeUkStrings() {
  LetterStrings s = kStrings[0];
  s.subject =
      "Complaint under Article 77 UK GDPR concerning Meta Platforms, Inc.: my objection (Article 21 UK GDPR) "
      "to the use of my personal data for AI training";
  s.intro =
      "I hereby lodge a complaint under Article 77 of the UK General Data Protection Regulation (UK GDPR) concerning "
      "Meta Platforms, Inc. (1 Meta Way, Menlo Park, California 94025, USA), to which Meta moved the responsibility "
      "for its UK users from its Irish company after the United Kingdom left the European Union. Meta uses its "
      "users' personal data to develop and improve artificial intelligence (\"AI at Meta\"), relying on what it "
      "calls its legitimate interest. I object to this processing "
      "under Article 21 UK GDPR.";
  s.request =
      "I ask you to examine this complaint and to establish whether Meta Platforms, Inc. honours my objection, in "
      "particular whether it has stopped using my personal data (including data collected before my objection) to "
      "develop and improve AI; and to inform me of the progress and the outcome of my complaint (Article 77(2) UK "
      "GDPR).";
  return s;
}
const LetterStrings kUkStrings = MakeUkStrings();

}  // namespace

const LetterStrings* FindLetterStrings(const std::string& language) {
  for (const auto& s : kStrings) {
    if (language == s.language) return &s;
  }
  return nullptr;
}

const LetterStrings* FindLetterStrings(const std::string& language, const std::string& authority_country) {
  if (authority_country == "GB") return &kUkStrings;
  return FindLetterStrings(language);
}

std::string LetterLanguages() {
  std::string out;
  for (const auto& s : kStrings) out += (out.empty() ? "" : ", ") + std::string(s.language);
  return out;
}

}  // namespace objector
