//! What the barista screen shows beside the amount: the products the
//! program's rules count (to tap on a sale, so a coffee card gets its stamp)
//! and the offers running now for the customer at the counter. Both are read
//! from the published program here, so the screen decides none of it.

use serde::Serialize;

use super::{Commands, CustomerRef};
use crate::error::Result;
use crate::ledger::{Item, Message};
use crate::program::{OfferKind, Program};
use crate::rules::{grant_message, offer_runs, times, winback_due};

/// A product or category the program's rules count, as a button on a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SaleItem {
    /// What the button says: the name as the program writes it.
    pub label: String,
    /// What one tap adds to the visit (quantity 1; the screen counts taps).
    pub item: Item,
}

/// An offer running now, as a line on the customer panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferNow {
    /// The offer's id in the program.
    pub id: String,
    /// What it gives, in the screen's language: "points ×2: before 9:00",
    /// "+5 points: Student bonus", "coupon SPRING: +30 points: Spring coupon".
    pub what: Message,
}

/// The sale's extras: items to tap and today's offers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SaleSheet {
    /// Products and categories the program counts, in the program's order.
    pub items: Vec<SaleItem>,
    /// Offers running now for this customer (or for anyone, without one).
    pub offers: Vec<OfferNow>,
}

/// The products and categories stamp cards and product offers count, each
/// once (names compare without case, as the rules do).
fn sale_items(program: &Program) -> Vec<SaleItem> {
    let mut lists: Vec<(&[String], &[String])> = program
        .stamp_cards
        .iter()
        .map(|c| (c.products.as_slice(), c.categories.as_slice()))
        .collect();
    for offer in &program.offers {
        if let OfferKind::Product {
            products,
            categories,
        } = &offer.kind
        {
            lists.push((products, categories));
        }
    }
    let mut items: Vec<SaleItem> = Vec::new();
    for (products, categories) in lists {
        let products = products.iter().map(|p| Item {
            product: p.clone(),
            category: None,
            quantity: 1,
        });
        // A category alone is sold as itself ("coffee"): the rules match it
        // by category.
        let categories = categories.iter().map(|c| Item {
            product: c.clone(),
            category: Some(c.clone()),
            quantity: 1,
        });
        for item in products.chain(categories) {
            if !items
                .iter()
                .any(|i| i.label.eq_ignore_ascii_case(&item.product))
            {
                items.push(SaleItem {
                    label: item.product.clone(),
                    item,
                });
            }
        }
    }
    items
}

impl Commands {
    /// The items a sale can carry and the offers running now for `customer`.
    /// Offers given on their own (welcome, birthday) are not listed: the
    /// enrolment and the customer's birthday note tell those.
    pub fn sale_sheet(&self, customer: Option<&CustomerRef>) -> Result<SaleSheet> {
        let Some(published) = self.store.program()? else {
            return Ok(SaleSheet::default());
        };
        let program = &published.program;
        let location = self.store.location()?;
        let now = self.store.now();
        let today = location.business_date(now);
        let record = match customer {
            Some(who) => Some(self.customer(who)?.record),
            None => None,
        };
        let tags = record.as_ref().map_or(&[][..], |r| r.tags.as_slice());
        let mut offers = Vec::new();
        for o in &program.offers {
            if !offer_runs(o, &location, now, record.as_ref().map(|r| r.id), tags) {
                continue;
            }
            let label = Message::new("label-offer").name("offer", &o.name);
            let what = match (&o.kind, o.multiplier, &o.grant) {
                (OfferKind::Welcome | OfferKind::Birthday { .. }, _, _) => None,
                (OfferKind::Winback { after_days }, _, Some(g)) => {
                    let last_visit = record.as_ref().and_then(|r| r.last_visit);
                    winback_due(*after_days, last_visit, today).map(|days| {
                        let label = Message::new("label-winback")
                            .name("offer", &o.name)
                            .num("days", days);
                        grant_message(g, label, program, 1)
                    })
                }
                (OfferKind::Winback { .. }, _, None) => None,
                (kind, m, g) => {
                    let gives = match (m, g) {
                        (Some(m), _) => Some(
                            Message::new("offer-now-multiplier")
                                .text("times", times(m))
                                .name("offer", &o.name),
                        ),
                        (None, Some(g)) => Some(grant_message(g, label, program, 1)),
                        (None, None) => None,
                    };
                    match (kind, gives) {
                        (OfferKind::Coupon { code, .. }, Some(gives)) => Some(
                            Message::new("offer-now-coupon")
                                .text("code", code.clone())
                                .message("what", gives),
                        ),
                        (_, gives) => gives,
                    }
                }
            };
            if let Some(what) = what {
                offers.push(OfferNow {
                    id: o.id.clone(),
                    what,
                });
            }
        }
        Ok(SaleSheet {
            items: sale_items(program),
            offers,
        })
    }
}
