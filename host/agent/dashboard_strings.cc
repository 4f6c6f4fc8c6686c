// The dashboard's texts: one row per Str, one column per language (en de fr nl it es pl). Wording
// follows the extension's _locales where the same thing is said (history columns, statuses, forms,
// export).
#include <cstddef>

#include "agent/dashboard_pages.h"

namespace objector {
namespace {

using Row = const char* [kDashboardLanguageCount];

const Row kTexts[] = {
    // kAppName
    {"Objector", "Objector", "Objector", "Objector", "Objector", "Objector", "Objector"},
    // kNavCoverage
    {"Overview", "Übersicht", "Vue d'ensemble", "Overzicht", "Panoramica", "Resumen", "Przegląd"},
    // kNavHistory
    {"History", "Verlauf", "Historique", "Geschiedenis", "Cronologia", "Historial", "Historia"},
    // kNavReport
    {"Printable report", "Druckbarer Bericht", "Rapport imprimable", "Afdrukbaar rapport", "Report stampabile",
     "Informe imprimible", "Raport do druku"},
    // kNavExport
    {"Export", "Export", "Exporter", "Exporteren", "Esporta", "Exportar", "Eksport"},
    // kNavVerify
    {"Check the history", "Verlauf prüfen", "Vérifier l'historique", "Geschiedenis controleren",
     "Verifica la cronologia", "Comprobar el historial", "Sprawdź historię"},
    // kSignInHeading
    {"Open your history", "Deinen Verlauf öffnen", "Ouvrir votre historique", "Je geschiedenis openen",
     "Apri la tua cronologia", "Abrir tu historial", "Otwórz swoją historię"},
    // kSignInText
    {"This page opens only from your computer's command line. Run:",
     "Diese Seite öffnet sich nur über die Befehlszeile deines Computers. Führe aus:",
     "Cette page ne s'ouvre que depuis la ligne de commande de votre ordinateur. Lancez :",
     "Deze pagina opent alleen vanaf de opdrachtregel van je computer. Voer uit:",
     "Questa pagina si apre solo dalla riga di comando del tuo computer. Esegui:",
     "Esta página solo se abre desde la línea de comandos de tu ordenador. Ejecuta:",
     "Ta strona otwiera się tylko z wiersza poleceń twojego komputera. Uruchom:"},
    // kLinkUsed
    {"This link was already used or has expired: each link works once, for one minute.",
     "Dieser Link wurde schon benutzt oder ist abgelaufen: jeder Link gilt einmal, eine Minute lang.",
     "Ce lien a déjà servi ou a expiré : chaque lien ne sert qu'une fois, pendant une minute.",
     "Deze link is al gebruikt of verlopen: elke link werkt één keer, één minuut lang.",
     "Questo link è già stato usato o è scaduto: ogni link vale una volta, per un minuto.",
     "Este enlace ya se usó o ha caducado: cada enlace sirve una vez, durante un minuto.",
     "Ten link został już użyty lub wygasł: każdy link działa raz, przez minutę."},
    // kNotFound
    {"There is no such page.", "Diese Seite gibt es nicht.", "Cette page n'existe pas.", "Deze pagina bestaat niet.",
     "Questa pagina non esiste.", "Esta página no existe.", "Nie ma takiej strony."},
    // kUnavailable (the extension's historyUnavailable)
    {"The history cannot be read right now: {1}", "Der Verlauf kann gerade nicht gelesen werden: {1}",
     "L'historique ne peut pas être lu pour l'instant : {1}", "De geschiedenis kan nu niet worden gelezen: {1}",
     "La cronologia non può essere letta ora: {1}", "No se puede leer el historial ahora: {1}",
     "Nie można teraz odczytać historii: {1}"},
    // kCoverageHeading
    {"What is covered", "Was abgedeckt ist", "Ce qui est couvert", "Wat gedekt is", "Cosa è coperto",
     "Qué está cubierto", "Co jest objęte"},
    // kCoverageIntro
    {"One row for each of your accounts and Meta's forms: the latest objection and what is left to do.",
     "Eine Zeile je Konto und Meta-Formular: der letzte Widerspruch und was noch zu tun ist.",
     "Une ligne par compte et formulaire de Meta : la dernière opposition et ce qu'il reste à faire.",
     "Eén rij per account en formulier van Meta: het laatste bezwaar en wat er nog te doen is.",
     "Una riga per ogni account e modulo di Meta: l'ultima opposizione e cosa resta da fare.",
     "Una fila por cada cuenta y formulario de Meta: la última oposición y lo que queda por hacer.",
     "Jeden wiersz na konto i formularz Meta: ostatni sprzeciw i co zostało do zrobienia."},
    // kNoAccounts
    {"No accounts yet: enter your email addresses in the extension's options.",
     "Noch keine Konten: trage deine E-Mail-Adressen in den Einstellungen der Erweiterung ein.",
     "Aucun compte pour l'instant : saisissez vos adresses e-mail dans les options de l'extension.",
     "Nog geen accounts: vul je e-mailadressen in bij de opties van de extensie.",
     "Ancora nessun account: inserisci i tuoi indirizzi email nelle opzioni dell'estensione.",
     "Aún no hay cuentas: escribe tus direcciones de correo en las opciones de la extensión.",
     "Brak kont: wpisz swoje adresy e-mail w opcjach rozszerzenia."},
    // kColAccount
    {"Account", "Konto", "Compte", "Account", "Account", "Cuenta", "Konto"},
    // kColPlatform
    {"Platform", "Plattform", "Plateforme", "Platform", "Piattaforma", "Plataforma", "Platforma"},
    // kColForm
    {"Form", "Formular", "Formulaire", "Formulier", "Modulo", "Formulario", "Formularz"},
    // kColState
    {"Status", "Status", "Statut", "Status", "Stato", "Estado", "Status"},
    // kColWhen
    {"Date and time", "Datum und Uhrzeit", "Date et heure", "Datum en tijd", "Data e ora", "Fecha y hora",
     "Data i godzina"},
    // kColTodo
    {"To do", "Zu tun", "À faire", "Te doen", "Da fare", "Pendiente", "Do zrobienia"},
    // kColEmail
    {"Account email", "Konto-E-Mail", "E-mail du compte", "E-mail van het account", "Email dell'account",
     "Correo de la cuenta", "E-mail konta"},
    // kColDue
    {"Due", "Fällig", "Échéance", "Uiterlijk", "Scadenza", "Vence", "Termin"},
    // kStateNone
    {"Nothing sent", "Nichts gesendet", "Rien envoyé", "Niets verzonden", "Niente inviato", "Nada enviado",
     "Nic nie wysłano"},
    // kStateSubmitted
    {"Sent, waiting for Meta", "Gesendet, wartet auf Meta", "Envoyée, en attente de Meta",
     "Verzonden, wacht op Meta", "Inviata, in attesa di Meta", "Enviada, esperando a Meta",
     "Wysłany, czeka na Meta"},
    // kStateStalled
    {"Sent, no confirmation after 7 days", "Gesendet, nach 7 Tagen keine Bestätigung",
     "Envoyée, pas de confirmation après 7 jours", "Verzonden, na 7 dagen geen bevestiging",
     "Inviata, nessuna conferma dopo 7 giorni", "Enviada, sin confirmación tras 7 días",
     "Wysłany, brak potwierdzenia po 7 dniach"},
    // kStateAwaitingCode
    {"Awaiting code", "Wartet auf Code", "Code attendu", "Wacht op code", "In attesa del codice",
     "Esperando código", "Czeka na kod"},
    // kStateCodeExpired
    {"Code expired", "Code abgelaufen", "Code expiré", "Code verlopen", "Codice scaduto", "Código caducado",
     "Kod wygasł"},
    // kStateConfirmed
    {"Confirmed", "Bestätigt", "Confirmée", "Bevestigd", "Confermata", "Confirmada", "Potwierdzony"},
    // kStateFailed
    {"Failed", "Fehlgeschlagen", "Échec", "Mislukt", "Non riuscita", "Fallida", "Nieudany"},
    // kStateCovered
    {"Covered by {1}", "Abgedeckt durch {1}", "Couvert par {1}", "Gedekt door {1}", "Coperto da {1}",
     "Cubierto por {1}", "Objęte przez {1}"},
    // kTodoObject
    {"Object", "Widersprechen", "S'opposer", "Bezwaar maken", "Opporsi", "Oponerse", "Wnieś sprzeciw"},
    // kTodoOptional
    {"Optional", "Optional", "Facultatif", "Optioneel", "Facoltativo", "Opcional", "Opcjonalnie"},
    // kTodoEnterCode
    {"Enter Meta's code", "Code von Meta eingeben", "Saisir le code de Meta", "Code van Meta invullen",
     "Inserisci il codice di Meta", "Introduce el código de Meta", "Wpisz kod od Meta"},
    // kTodoObjectAgain
    {"Object again", "Erneut widersprechen", "S'opposer à nouveau", "Opnieuw bezwaar maken", "Opporsi di nuovo",
     "Oponerse de nuevo", "Wnieś sprzeciw ponownie"},
    // kTodoCheckEmail
    {"Check your email", "Prüfe deine E-Mails", "Vérifiez vos e-mails", "Controleer je e-mail",
     "Controlla la tua email", "Revisa tu correo", "Sprawdź pocztę"},
    // kTodoWait
    {"Wait for Meta's answer", "Auf Metas Antwort warten", "Attendre la réponse de Meta", "Wacht op het antwoord van Meta",
     "Attendi la risposta di Meta", "Espera la respuesta de Meta", "Poczekaj na odpowiedź Meta"},
    // kTodoNone
    {"Nothing", "Nichts", "Rien", "Niets", "Niente", "Nada", "Nic"},
    // kFollowUpsHeading
    {"Follow-ups", "Nachfassen", "Suivis", "Opvolging", "Promemoria", "Seguimiento", "Przypomnienia"},
    // kFollowCodeExpired
    {"Meta's code is valid for one hour", "Metas Code gilt eine Stunde", "Le code de Meta est valable une heure",
     "De code van Meta is één uur geldig", "Il codice di Meta vale un'ora", "El código de Meta vale una hora",
     "Kod od Meta jest ważny godzinę"},
    // kFollowNoConfirmation
    {"No confirmation from Meta yet", "Noch keine Bestätigung von Meta", "Pas encore de confirmation de Meta",
     "Nog geen bevestiging van Meta", "Ancora nessuna conferma da Meta", "Aún no hay confirmación de Meta",
     "Brak jeszcze potwierdzenia od Meta"},
    // kDueNow
    {"due now", "jetzt fällig", "à faire maintenant", "nu aan de beurt", "da fare ora", "pendiente ahora",
     "teraz"},
    // kSummaryHeading
    {"Your history", "Dein Verlauf", "Votre historique", "Je geschiedenis", "La tua cronologia", "Tu historial",
     "Twoja historia"},
    // kSummaryFirst
    {"First objection", "Erster Widerspruch", "Première opposition", "Eerste bezwaar", "Prima opposizione",
     "Primera oposición", "Pierwszy sprzeciw"},
    // kSummaryLast
    {"Latest objection", "Letzter Widerspruch", "Dernière opposition", "Laatste bezwaar", "Ultima opposizione",
     "Última oposición", "Ostatni sprzeciw"},
    // kStatusSubmitted (the extension's statusSubmitted, and the next three)
    {"Submitted", "Gesendet", "Envoyée", "Verzonden", "Inviata", "Enviada", "Wysłany"},
    // kStatusAwaitingCode
    {"Awaiting code", "Wartet auf Code", "Code attendu", "Wacht op code", "In attesa del codice", "Esperando código",
     "Czeka na kod"},
    // kStatusConfirmed
    {"Confirmed", "Bestätigt", "Confirmée", "Bevestigd", "Confermata", "Confirmada", "Potwierdzony"},
    // kStatusFailed
    {"Failed", "Fehlgeschlagen", "Échec", "Mislukt", "Non riuscita", "Fallida", "Nieudany"},
    // kFormOwn
    {"Your own information", "Deine eigenen Informationen", "Vos propres informations", "Je eigen gegevens",
     "Le tue informazioni", "Tu propia información", "Twoje własne informacje"},
    // kFormThirdParty
    {"Information others shared about you", "Informationen, die andere über dich geteilt haben",
     "Informations partagées par d'autres à votre sujet", "Gegevens die anderen over je hebben gedeeld",
     "Informazioni che altri hanno condiviso su di te", "Información que otros han compartido sobre ti",
     "Informacje udostępnione o Tobie przez innych"},
    // kHistoryOlder
    {"Show older", "Ältere anzeigen", "Afficher les plus anciennes", "Oudere tonen", "Mostra le precedenti",
     "Mostrar anteriores", "Pokaż starsze"},
    // kHistoryNewer
    {"Show newer", "Neuere anzeigen", "Afficher les plus récentes", "Nieuwere tonen", "Mostra le successive",
     "Mostrar posteriores", "Pokaż nowsze"},
    // kHistoryEmpty
    {"No objections recorded yet.", "Noch keine Widersprüche gespeichert.",
     "Aucune opposition enregistrée pour l'instant.", "Nog geen bezwaren vastgelegd.",
     "Nessuna opposizione registrata finora.", "Aún no hay oposiciones registradas.",
     "Nie zapisano jeszcze żadnych sprzeciwów."},
    // kHistoryCount
    {"{1} objections", "{1} Widersprüche", "{1} oppositions", "{1} bezwaren", "{1} opposizioni", "{1} oposiciones",
     "Sprzeciwy: {1}"},
    // kHistoryCountOne
    {"1 objection", "1 Widerspruch", "1 opposition", "1 bezwaar", "1 opposizione", "1 oposición", "1 sprzeciw"},
    // kExportHeading
    {"Export your history", "Verlauf exportieren", "Exporter votre historique", "Je geschiedenis exporteren",
     "Esporta la cronologia", "Exportar tu historial", "Eksportuj historię"},
    // kExportHint
    {"Keep a copy as evidence: a spreadsheet (CSV), data (JSON) or a printable report (HTML).",
     "Bewahre eine Kopie als Nachweis auf: Tabelle (CSV), Daten (JSON) oder druckbarer Bericht (HTML).",
     "Gardez une copie comme preuve : tableur (CSV), données (JSON) ou rapport imprimable (HTML).",
     "Bewaar een kopie als bewijs: spreadsheet (CSV), gegevens (JSON) of een afdrukbaar rapport (HTML).",
     "Conserva una copia come prova: foglio di calcolo (CSV), dati (JSON) o report stampabile (HTML).",
     "Guarda una copia como prueba: hoja de cálculo (CSV), datos (JSON) o informe imprimible (HTML).",
     "Zachowaj kopię jako dowód: arkusz (CSV), dane (JSON) lub raport do druku (HTML)."},
    // kExportCsv
    {"Download CSV", "CSV herunterladen", "Télécharger en CSV", "CSV downloaden", "Scarica CSV", "Descargar CSV",
     "Pobierz CSV"},
    // kExportJson
    {"Download JSON", "JSON herunterladen", "Télécharger en JSON", "JSON downloaden", "Scarica JSON",
     "Descargar JSON", "Pobierz JSON"},
    // kExportHtml
    {"Download report (HTML)", "Bericht herunterladen (HTML)", "Télécharger le rapport (HTML)",
     "Rapport downloaden (HTML)", "Scarica il report (HTML)", "Descargar informe (HTML)", "Pobierz raport (HTML)"},
    // kExportBundle
    {"Download the evidence bundle (ZIP)", "Beweispaket herunterladen (ZIP)",
     "Télécharger le dossier de preuves (ZIP)", "Bewijspakket downloaden (ZIP)",
     "Scarica il pacchetto di prove (ZIP)", "Descargar el paquete de pruebas (ZIP)",
     "Pobierz pakiet dowodów (ZIP)"},
    // kExportIcs
    {"Download the follow-up dates (calendar, ICS)", "Termine zum Nachfassen herunterladen (Kalender, ICS)",
     "Télécharger les dates de suivi (calendrier, ICS)", "Opvolgdata downloaden (agenda, ICS)",
     "Scarica le date dei promemoria (calendario, ICS)", "Descargar las fechas de seguimiento (calendario, ICS)",
     "Pobierz terminy przypomnień (kalendarz, ICS)"},
    // kVerifyHeading
    {"Check the history", "Verlauf prüfen", "Vérifier l'historique", "Geschiedenis controleren",
     "Verifica la cronologia", "Comprobar el historial", "Sprawdź historię"},
    // kVerifyIntact
    {"Intact: nothing was changed (events checked: {1}, files checked: {2}).",
     "Unverändert: nichts wurde geändert (geprüfte Ereignisse: {1}, geprüfte Dateien: {2}).",
     "Intact : rien n'a été modifié (événements vérifiés : {1}, fichiers vérifiés : {2}).",
     "Intact: er is niets veranderd (gecontroleerde gebeurtenissen: {1}, gecontroleerde bestanden: {2}).",
     "Integra: niente è stato modificato (eventi verificati: {1}, file verificati: {2}).",
     "Intacto: no se cambió nada (eventos comprobados: {1}, archivos comprobados: {2}).",
     "Nienaruszona: nic nie zmieniono (sprawdzone zdarzenia: {1}, sprawdzone pliki: {2})."},
    // kVerifyBroken
    {"The history was changed after the fact: {1}", "Der Verlauf wurde nachträglich geändert: {1}",
     "L'historique a été modifié après coup : {1}", "De geschiedenis is achteraf veranderd: {1}",
     "La cronologia è stata modificata in seguito: {1}", "El historial se cambió después: {1}",
     "Historię zmieniono po fakcie: {1}"},
    // kChainHead
    {"Chain head", "Kettenkopf", "Tête de chaîne", "Kop van de keten", "Testa della catena", "Cabeza de la cadena",
     "Głowa łańcucha"},
    // kVerifyHint
    {"Every event is hash-chained. Keep the chain head of a printed report to compare it later.",
     "Jedes Ereignis ist per Hash verkettet. Bewahre den Kettenkopf eines gedruckten Berichts auf, um später zu vergleichen.",
     "Chaque événement est chaîné par hachage. Gardez la tête de chaîne d'un rapport imprimé pour comparer plus tard.",
     "Elke gebeurtenis is met hashes geketend. Bewaar de kop van de keten van een afgedrukt rapport om later te vergelijken.",
     "Ogni evento è concatenato con un hash. Conserva la testa della catena di un report stampato per confrontarla in seguito.",
     "Cada evento está encadenado por hash. Guarda la cabeza de la cadena de un informe impreso para compararla más tarde.",
     "Każde zdarzenie jest połączone skrótem w łańcuch. Zachowaj głowę łańcucha z wydrukowanego raportu, by porównać ją później."},
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<size_t>(Str::kCount),
              "one row of texts per Str");

}  // namespace

const char* Text(int lang, Str s) {
  if (lang < 0 || lang >= kDashboardLanguageCount) lang = 0;
  return kTexts[static_cast<size_t>(s)][lang];
}

}  // namespace objector
