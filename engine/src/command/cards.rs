//! Cards to print: one customer's QR, and sheets of new cards handed over at
//! enrolment.

use crate::staff::Permission;
use serde::Serialize;

use super::request::QrFormat;
use super::{invalid, Commands};
use crate::card_code::fallback_code;
use crate::error::Result;
use crate::ledger::{EventBody, EventId};
use crate::print::{qr_png, qr_svg, sheet_svg, CARDS_PER_SHEET};

/// Most cards one request prints: a box of cards, not the shop's year.
const MAX_CARDS: usize = 1_000;
/// Pixels per QR module on a PNG for a screen.
const PNG_MODULE_PX: u32 = 8;

/// One card on a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrintedCard {
    /// The card's number.
    pub card: String,
    /// The typed code printed under its QR.
    pub typed: String,
}

/// One A4 page of cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CardSheet {
    /// The page, as SVG.
    pub svg: String,
    /// The cards on it.
    pub cards: Vec<PrintedCard>,
}

/// A new customer's card, ready to print at the till: what the card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CardToPrint {
    /// The shop's name, printed on the card.
    pub shop: String,
    /// The card's number.
    pub card: String,
    /// The typed code printed under its QR, for when a scan fails.
    pub typed: String,
    /// The QR of the card's signed code, an `<svg>` element for the page.
    pub qr_svg: String,
}

impl Commands {
    /// The signed code in the QR of `card`, while it is an active card of
    /// `customer` and has one.
    fn signed_code(
        &self,
        customer: crate::ledger::CustomerId,
        card: crate::ledger::CardId,
    ) -> Result<Option<String>> {
        let summary = self.store.customer(customer)?;
        Ok(summary
            .record
            .card_codes
            .into_iter()
            .find(|c| c.card == card.to_string())
            .and_then(|c| c.code))
    }

    /// The card given at `enrolment`, to print and hand over: for the
    /// barista who has just enrolled the customer, or a manager. Refused when
    /// the card is no longer the customer's (replaced since).
    pub fn enrolment_card(&self, enrolment: EventId) -> Result<CardToPrint> {
        self.authorise_card_print(enrolment)?;
        let EventBody::Enrolled { customer, card, .. } = self.store.event(enrolment)?.body else {
            return Err(invalid("enrolment", "this event is not an enrolment"));
        };
        let code = self.signed_code(customer, card)?.ok_or_else(|| {
                invalid(
                    "enrolment",
                    "the card given at this enrolment is no longer the customer's: print their card from their record",
                )
            })?;
        Ok(CardToPrint {
            shop: self.store.location()?.shop_name,
            card: card.to_string(),
            typed: fallback_code(card),
            qr_svg: inline_svg(qr_svg(&code)?),
        })
    }

    /// A customer's card as a QR image (the card given as QR text, typed code
    /// or number).
    pub fn card_qr(&self, card: &str, format: QrFormat) -> Result<Vec<u8>> {
        self.authorise(Permission::PrintCards)?;
        let id = self.store.find_card(card)?;
        let customer = self.store.customer_by_card(id)?;
        let code = self.signed_code(customer, id)?.ok_or_else(|| {
            invalid(
                "card",
                "this card has no signed code (issued before codes existed): replace it",
            )
        })?;
        match format {
            QrFormat::Png => qr_png(&code, PNG_MODULE_PX),
            QrFormat::Svg => qr_svg(&code).map(String::into_bytes),
        }
    }

    /// `count` new cards on A4 sheets, ten a page. The cards are enrolled
    /// when handed over; their typed codes avoid every code this till has seen.
    pub fn card_sheets(&self, count: usize) -> Result<Vec<CardSheet>> {
        self.authorise(Permission::PrintCards)?;
        if count == 0 || count > MAX_CARDS {
            return Err(invalid(
                "count",
                format!("print 1 to {MAX_CARDS} cards at a time"),
            ));
        }
        let cards = crate::till::new_card_codes(&self.store, count)?;
        let shop = self.store.location()?.shop_name;
        self.store
            .note_manager_action("card_sheets", &format!("printed {count} new card(s)"))?;
        cards
            .chunks(CARDS_PER_SHEET)
            .map(|page| {
                let entries: Vec<(String, String)> = page
                    .iter()
                    .map(|(card, code)| (code.clone(), fallback_code(*card)))
                    .collect();
                Ok(CardSheet {
                    svg: sheet_svg(&shop, &entries)?,
                    cards: page
                        .iter()
                        .map(|(card, _)| PrintedCard {
                            card: card.to_string(),
                            typed: fallback_code(*card),
                        })
                        .collect(),
                })
            })
            .collect()
    }
}

/// An SVG document as an element to put in a page: without the XML prolog,
/// which HTML would read as a stray comment.
fn inline_svg(svg: String) -> String {
    match svg.find("<svg") {
        Some(start) => svg[start..].to_string(),
        None => svg,
    }
}
