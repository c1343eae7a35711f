//! The editors' page's words in Finnish, Swedish and English: one struct, so a missing string does not
//! compile. The problems themselves are `content-check`'s, word for word, in English.

use super::verdict::{FileKind, FileProblem};
use crate::i18n::Lang;

pub struct EditorTexts {
    pub title: &'static str,
    pub introduction: &'static str,
    pub language: &'static str,
    pub choose: &'static str,
    pub drop: &'static str,
    pub checking: fn(&str, &str) -> String,
    pub worker_failed: &'static str,
    pub file_problem: fn(&str, &FileProblem) -> String,
    pub no_errors: &'static str,
    pub counts: fn(usize, usize) -> String,
    pub can_show: &'static str,
    pub cannot_show: &'static str,
    pub checked_later: &'static str,
    pub errors_heading: &'static str,
    pub warnings_heading: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub place: fn(usize, usize) -> String,
    pub lines_of: fn(usize, usize) -> String,
    pub more_not_listed: fn(usize, usize) -> String,
    pub preview: &'static str,
    pub preview_note: &'static str,
    pub preview_frame: fn(&str) -> String,
    pub show_preview: fn(&str) -> String,
    pub publish: &'static str,
    pub publish_how: &'static str,
    pub feeds: &'static str,
    pub feed_heading: fn(&str, usize) -> String,
    pub more_entries: fn(usize) -> String,
    pub back: &'static str,
}

impl EditorTexts {
    pub fn of(lang: Lang) -> &'static EditorTexts {
        match lang {
            Lang::Fi => &FI,
            Lang::Sv => &SV,
            Lang::En => &EN,
        }
    }
}

/// A size in megabytes, with the language's decimal sign: "30,2 Mt".
pub fn megabytes(bytes: usize, lang: Lang) -> String {
    let figure = format!("{:.1}", bytes as f64 / 1_000_000.0);
    match lang {
        Lang::Fi => format!("{} Mt", figure.replace('.', ",")),
        Lang::Sv => format!("{} MB", figure.replace('.', ",")),
        Lang::En => format!("{figure} MB"),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

static FI: EditorTexts = EditorTexts {
    title: "Tarkista content.json",
    introduction: "Valitse muokkaamasi content.json. Se tarkistetaan tässä selaimessa samoin kuin portaali sen \
        lukee, ja voit esikatsella portaalia sen kanssa. Tiedosto ei lähde koneeltasi: mitään ei lähetetä.",
    language: "Kieli",
    choose: "Valitse tiedosto",
    drop: "tai pudota se tähän",
    checking: |name, size| format!("Tarkistetaan tiedostoa {name} ({size})…"),
    worker_failed: "Tarkistus keskeytyi odottamatta. Lataa sivu uudelleen ja yritä uudestaan.",
    file_problem: |name, problem| match problem {
        FileProblem::Empty => format!("{name} on tyhjä: siinä ei ole mitään tarkistettavaa."),
        FileProblem::TooLarge { bytes } => format!(
            "{name} on liian suuri ({}): portaali ei voi näyttää näin suurta tiedostoa puhelimessa.",
            megabytes(*bytes, Lang::Fi)
        ),
        FileProblem::OtherKind { kind } => format!(
            "{name} ei ole tekstiä vaan {}. Valitse content.json, jota olet muokannut tekstieditorilla.",
            match kind {
                FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp => "kuva",
                FileKind::Pdf => "PDF-tiedosto",
                FileKind::ZipOrOffice => "Word-, Excel- tai zip-tiedosto",
            }
        ),
        FileProblem::Utf16 => format!(
            "{name} on tallennettu UTF-16-merkistössä (\"Unicode\"). Tallenna se UTF-8-muodossa ja valitse uudelleen."
        ),
        FileProblem::NotUtf8 { line, column, byte } => format!(
            "{name} ei ole UTF-8-tekstiä: rivillä {line}, sarakkeessa {column} on tavu 0x{byte:02X}. Tallenna \
             tiedosto UTF-8-muodossa (esimerkiksi Muistiossa: Tallenna nimellä → Koodaus: UTF-8)."
        ),
        FileProblem::NotRead { reason } => format!("Tiedostoa {name} ei voitu lukea ({reason}). Valitse se uudelleen."),
    },
    no_errors: "Ei virheitä",
    counts: |errors, warnings| {
        let errors = if errors == 0 { "ei virheitä".to_owned() } else { count(errors, "virhe", "virhettä") };
        let warnings =
            if warnings == 0 { "ei varoituksia".to_owned() } else { count(warnings, "varoitus", "varoitusta") };
        format!("{errors}, {warnings}")
    },
    can_show: "portaali voi näyttää tämän tiedoston.",
    cannot_show: "portaali ei näytä tätä tiedostoa ennen kuin virheet on korjattu.",
    checked_later: "Tunnisteet, viittaukset, linkit ja käännökset tarkistetaan, kun yllä olevat virheet on korjattu.",
    errors_heading: "Virheet",
    warnings_heading: "Varoitukset",
    error: "Virhe",
    warning: "Varoitus",
    place: |line, column| format!("rivi {line}, sarake {column}"),
    lines_of: |first, last| format!("Rivit {first}–{last}"),
    more_not_listed: |listed, all| {
        format!("Näytetään {listed} ensimmäistä {all} ongelmasta: korjaa ne ja tarkista uudelleen.")
    },
    preview: "Esikatselu",
    preview_note: "Portaali valitsemasi tiedoston sisällöllä, kaikki näkymät ja kielet. Tiedostoa ei ole \
        julkaistu: virkailijat näkevät yhä nykyisen sisällön.",
    preview_frame: |name| format!("Portaalin esikatselu tiedostolla {name}"),
    show_preview: |size| format!("Näytä esikatselu ({size}: portaalilta kestää hetki lukea tiedosto)"),
    publish: "Julkaiseminen",
    publish_how: "Kopioi tiedosto palvelimelle portaalin kansioon content.json-tiedoston tilalle (tai tiedostoksi, \
        jonka portal-config.json nimeää); virkailijat näkevät sen seuraavalla latauksella, eikä mitään tarvitse \
        rakentaa uudelleen.",
    feeds: "Uutissyötteet",
    feed_heading: |file, n| format!("{file}: {}, uusin ensin", count(n, "uutinen", "uutista")),
    more_entries: |n| format!("ja {n} vanhempaa"),
    back: "Portaaliin",
};

static SV: EditorTexts = EditorTexts {
    title: "Granska content.json",
    introduction: "Välj den content.json du har redigerat. Den granskas här i webbläsaren på samma sätt som \
        portalen läser den, och du kan förhandsgranska portalen med den. Filen lämnar inte din dator: inget skickas.",
    language: "Språk",
    choose: "Välj fil",
    drop: "eller släpp den här",
    checking: |name, size| format!("Granskar {name} ({size})…"),
    worker_failed: "Granskningen avbröts oväntat. Ladda om sidan och försök igen.",
    file_problem: |name, problem| match problem {
        FileProblem::Empty => format!("{name} är tom: det finns inget att granska."),
        FileProblem::TooLarge { bytes } => format!(
            "{name} är för stor ({}): portalen kan inte visa en så stor fil på en telefon.",
            megabytes(*bytes, Lang::Sv)
        ),
        FileProblem::OtherKind { kind } => format!(
            "{name} är inte text utan {}. Välj den content.json du har redigerat i en textredigerare.",
            match kind {
                FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp => "en bild",
                FileKind::Pdf => "en PDF-fil",
                FileKind::ZipOrOffice => "en Word-, Excel- eller zip-fil",
            }
        ),
        FileProblem::Utf16 => {
            format!("{name} är sparad i UTF-16 (\"Unicode\"). Spara den som UTF-8 och välj den igen.")
        }
        FileProblem::NotUtf8 { line, column, byte } => format!(
            "{name} är inte UTF-8-text: på rad {line}, kolumn {column} finns byten 0x{byte:02X}. Spara filen som \
             UTF-8 (till exempel i Anteckningar: Spara som → Kodning: UTF-8)."
        ),
        FileProblem::NotRead { reason } => format!("{name} kunde inte läsas ({reason}). Välj filen igen."),
    },
    no_errors: "Inga fel",
    counts: |errors, warnings| {
        let errors = if errors == 0 { "inga fel".to_owned() } else { count(errors, "fel", "fel") };
        let warnings =
            if warnings == 0 { "inga varningar".to_owned() } else { count(warnings, "varning", "varningar") };
        format!("{errors}, {warnings}")
    },
    can_show: "portalen kan visa den här filen.",
    cannot_show: "portalen visar inte den här filen förrän felen är rättade.",
    checked_later: "Slugs, hänvisningar, länkar och översättningar granskas när felen ovan är rättade.",
    errors_heading: "Fel",
    warnings_heading: "Varningar",
    error: "Fel",
    warning: "Varning",
    place: |line, column| format!("rad {line}, kolumn {column}"),
    lines_of: |first, last| format!("Rader {first}–{last}"),
    more_not_listed: |listed, all| format!("De första {listed} av {all} problem visas: rätta dem och granska igen."),
    preview: "Förhandsgranskning",
    preview_note: "Portalen med innehållet i filen du valde, alla vyer och språk. Filen är inte publicerad: \
        tjänstemännen ser fortfarande det nuvarande innehållet.",
    preview_frame: |name| format!("Förhandsgranskning av portalen med {name}"),
    show_preview: |size| format!("Visa förhandsgranskningen ({size}: portalen behöver en stund för att läsa filen)"),
    publish: "Publicering",
    publish_how: "Kopiera filen till portalens mapp på servern i stället för content.json (eller till den fil som \
        portal-config.json anger); tjänstemännen ser den vid nästa laddning, och inget behöver byggas om.",
    feeds: "Nyhetsflöden",
    feed_heading: |file, n| format!("{file}: {}, nyaste först", count(n, "nyhet", "nyheter")),
    more_entries: |n| format!("och {n} äldre"),
    back: "Till portalen",
};

static EN: EditorTexts = EditorTexts {
    title: "Check content.json",
    introduction: "Choose the content.json you have edited. It is checked here in your browser the way the portal \
        reads it, and you can preview the portal with it. The file never leaves your computer: nothing is uploaded.",
    language: "Language",
    choose: "Choose a file",
    drop: "or drop it here",
    checking: |name, size| format!("Checking {name} ({size})…"),
    worker_failed: "The check stopped unexpectedly. Reload the page and try again.",
    file_problem: |name, problem| match problem {
        FileProblem::Empty => format!("{name} is empty: there is nothing to check."),
        FileProblem::TooLarge { bytes } => format!(
            "{name} is too large ({}): the portal cannot show a file this large on a phone.",
            megabytes(*bytes, Lang::En)
        ),
        FileProblem::OtherKind { kind } => format!(
            "{name} is not text but {}. Choose the content.json you edited in a text editor.",
            match kind {
                FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp => "a picture",
                FileKind::Pdf => "a PDF file",
                FileKind::ZipOrOffice => "a Word, Excel or zip file",
            }
        ),
        FileProblem::Utf16 => {
            format!("{name} is saved as UTF-16 (\"Unicode\"). Save it as UTF-8 and choose it again.")
        }
        FileProblem::NotUtf8 { line, column, byte } => format!(
            "{name} is not UTF-8 text: line {line}, column {column} has the byte 0x{byte:02X}. Save the file as \
             UTF-8 (in Notepad, for example: Save as → Encoding: UTF-8)."
        ),
        FileProblem::NotRead { reason } => format!("{name} could not be read ({reason}). Choose it again."),
    },
    no_errors: "No errors",
    counts: |errors, warnings| {
        let errors = if errors == 0 { "no errors".to_owned() } else { count(errors, "error", "errors") };
        let warnings = if warnings == 0 { "no warnings".to_owned() } else { count(warnings, "warning", "warnings") };
        format!("{errors}, {warnings}")
    },
    can_show: "the portal can show this file.",
    cannot_show: "the portal will not show this file until the errors are fixed.",
    checked_later: "Slugs, references, links and translations are checked once the errors above are fixed.",
    errors_heading: "Errors",
    warnings_heading: "Warnings",
    error: "Error",
    warning: "Warning",
    place: |line, column| format!("line {line}, column {column}"),
    lines_of: |first, last| format!("Lines {first}–{last}"),
    more_not_listed: |listed, all| {
        format!("The first {listed} of {all} problems are listed: fix them and check again.")
    },
    preview: "Preview",
    preview_note: "The portal with the content of the file you chose, every view and language. The file is not \
        published: officials still see the current content.",
    preview_frame: |name| format!("Preview of the portal with {name}"),
    show_preview: |size| format!("Show the preview ({size}: the portal takes a moment to read the file)"),
    publish: "Publishing",
    publish_how: "Copy the file into the portal's folder on the server in place of content.json (or as the file \
        portal-config.json names); officials see it on their next load, and nothing needs rebuilding.",
    feeds: "News feeds",
    feed_heading: |file, n| format!("{file}: {}, newest first", count(n, "news item", "news items")),
    more_entries: |n| format!("and {n} older"),
    back: "To the portal",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_as_each_language_writes_them() {
        assert_eq!(megabytes(30_240_000, Lang::Fi), "30,2 Mt");
        assert_eq!(megabytes(30_240_000, Lang::En), "30.2 MB");
        assert_eq!((EditorTexts::of(Lang::Fi).counts)(1, 2), "1 virhe, 2 varoitusta");
        assert_eq!((EditorTexts::of(Lang::Sv).counts)(0, 1), "inga fel, 1 varning");
        assert_eq!((EditorTexts::of(Lang::En).counts)(3, 0), "3 errors, no warnings");
    }
}
