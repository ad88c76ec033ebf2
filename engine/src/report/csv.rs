//! A report's table as a CSV file a spreadsheet opens right in every
//! language: UTF-8 with a byte-order mark (without it Excel reads Polish and
//! Russian as Latin-1), headings in the reader's language, numbers and times
//! machine-readable (a decimal point, no thousands separator, `HH:MM`), and
//! recorded words that a spreadsheet would take for a formula written as text.

use super::table::{Cell, Table};
use crate::language::Language;

/// The byte-order mark that tells a spreadsheet the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the table as CSV: {0}")]
pub struct CsvError(#[from] ::csv::Error);

/// Words a spreadsheet would run as a formula (`=HYPERLINK(…)` typed as a
/// void's reason) are written with a leading apostrophe, which the
/// spreadsheet shows as text and does not run.
fn as_text(words: &str) -> String {
    match words.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{words}"),
        _ => words.to_string(),
    }
}

/// The cell as written in the file; `words` puts a catalogue id in the
/// reader's language, `language`.
fn cell_text(cell: &Cell, language: Language, words: &dyn Fn(&str) -> String) -> String {
    match cell {
        Cell::Count(n) => n.to_string(),
        Cell::Money(m) | Cell::Time(m) | Cell::Fraction(m) | Cell::Decimal(m) | Cell::Date(m) => {
            m.clone()
        }
        Cell::Hour(h) => format!("{h:02}:00"),
        Cell::Text(t) => as_text(t),
        Cell::Label(id) => as_text(&words(id)),
        Cell::Name(name) => as_text(name.in_language(language)),
    }
}

/// The table as CSV text, starting with the byte-order mark; `words` gives a
/// catalogue id's words in the reader's `language` (the headings are
/// `report-column-<id>`), and the program's names are written in it where
/// the program gives them.
pub fn to_csv(
    table: &Table,
    language: Language,
    words: &dyn Fn(&str) -> String,
) -> Result<String, CsvError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(
        table
            .columns
            .iter()
            .map(|c| as_text(&words(&format!("report-column-{c}")))),
    )?;
    for row in &table.rows {
        writer.write_record(row.iter().map(|c| cell_text(c, language, words)))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| CsvError(::csv::Error::from(e.into_error())))?;
    // The writer only ever holds the UTF-8 strings given to it.
    let text = String::from_utf8_lossy(&bytes);
    Ok(format!("{BOM}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(id: &str) -> String {
        match id {
            "report-column-customer" => "Klient".into(),
            "report-column-reason" => "Powód".into(),
            "report-column-amount" => "Kwota".into(),
            "report-cell-nobody" => "(nikt)".into(),
            other => other.into(),
        }
    }

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            id: "t".into(),
            columns: vec!["customer".into(), "reason".into(), "amount".into()],
            rows,
            attention: false,
        }
    }

    #[test]
    fn starts_with_the_bom_and_writes_headings_in_the_readers_language() {
        let csv = to_csv(&table(vec![]), Language::Pl, &words).expect("csv");
        assert_eq!(csv, "\u{feff}Klient,Powód,Kwota\r\n");
    }

    #[test]
    fn numbers_stay_machine_readable_and_words_are_quoted_when_they_must_be() {
        let csv = to_csv(
            &table(vec![
                vec![
                    Cell::Text("Łucja Żak".into()),
                    Cell::Text("said \"oops\", twice".into()),
                    Cell::Money("1234.50".into()),
                ],
                vec![
                    Cell::Label("report-cell-nobody".into()),
                    Cell::Text("line one\nline two".into()),
                    Cell::Count(-60),
                ],
            ]),
            Language::Pl,
            &words,
        )
        .expect("csv");
        assert_eq!(
            csv,
            "\u{feff}Klient,Powód,Kwota\r\n\
             Łucja Żak,\"said \"\"oops\"\", twice\",1234.50\r\n\
             (nikt),\"line one\nline two\",-60\r\n"
        );
    }

    #[test]
    fn a_formula_typed_as_words_is_written_as_text() {
        let csv = to_csv(
            &table(vec![vec![
                Cell::Text("=HYPERLINK(\"http://x\")".into()),
                Cell::Text("-5 for a spill".into()),
                Cell::Count(-5),
            ]]),
            Language::Pl,
            &words,
        )
        .expect("csv");
        let row = csv.lines().nth(1).expect("a row");
        assert_eq!(row, "\"'=HYPERLINK(\"\"http://x\"\")\",'-5 for a spill,-5");
    }

    #[test]
    fn the_programs_names_are_written_in_the_readers_language_where_it_gives_them() {
        let drink = crate::program::Name {
            text: "Any drink".into(),
            translations: [(Language::Pl, "Dowolny napój".to_string())].into(),
        };
        let t = Table {
            id: "t".into(),
            columns: vec!["reward".into()],
            rows: vec![
                vec![Cell::Name(drink.clone())],
                vec![Cell::Name(crate::program::Name::plain("Pastry"))],
            ],
            attention: false,
        };
        let pl = to_csv(&t, Language::Pl, &words).expect("csv");
        assert_eq!(
            pl.lines().skip(1).collect::<Vec<_>>(),
            ["Dowolny napój", "Pastry"]
        );
        let fr = to_csv(&t, Language::Fr, &words).expect("csv");
        assert_eq!(fr.lines().nth(1), Some("Any drink"));
    }

    #[test]
    fn hours_and_times_are_written_as_a_spreadsheet_reads_them() {
        let t = Table {
            id: "t".into(),
            columns: vec!["hour".into(), "time".into()],
            rows: vec![vec![Cell::Hour(7), Cell::Time("07:45".into())]],
            attention: false,
        };
        let csv = to_csv(&t, Language::Pl, &words).expect("csv");
        assert_eq!(csv.lines().nth(1), Some("07:00,07:45"));
    }
}
