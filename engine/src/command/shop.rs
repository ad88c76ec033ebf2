//! Setting up a shop and its program: the first till's set-up and publishing
//! a program, which every till receives as an event.

use crate::staff::Permission;

use super::lookup::ShopInfo;
use super::request::*;
use super::{invalid, Commands};
use crate::error::{Refusal, Result};
use crate::ledger::{EventBody, Message};
use crate::location::Location;
use crate::program::parse_program;
use crate::till::{Decision, Outcome};

impl Commands {
    /// Sets up this till for a new shop; answers what was set up.
    pub fn set_up_shop(&self, request: &SetUpShop) -> Result<ShopInfo> {
        self.authorise(Permission::Pair)?;
        let location = Location::new(
            &request.shop,
            &request.currency,
            &request.timezone,
            request.day_starts_at,
        )?;
        // The first manager is checked before anything is written, so a weak
        // PIN leaves no half-set-up till behind.
        if let Some(m) = &request.manager {
            crate::staff::check_name(&m.name)?;
            crate::staff::check_pin(m.pin.0.trim(), crate::ledger::Role::Manager)?;
        }
        let example = match request.example.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => Some(
                Commands::examples_in(&request.currency)
                    .into_iter()
                    .find(|e| e.id == id)
                    .ok_or_else(|| invalid("example", format!("there is no example `{id}`")))?,
            ),
            _ => None,
        };
        self.store.init(&location)?;
        // Published while the till still runs open: the first manager is
        // added next, and nobody is signed in yet.
        if let Some(example) = example {
            self.publish_program(&PublishProgram {
                source: example.source,
                key: None,
            })?;
        }
        if let Some(m) = &request.manager {
            self.add_staff(&AddStaff {
                name: m.name.clone(),
                role: crate::ledger::Role::Manager,
                pin: m.pin.clone(),
            })?;
        }
        self.shop_info()
    }

    /// Publishes a program (checked in full first): every till records
    /// visits by it once it has the event.
    pub fn publish_program(&self, request: &PublishProgram) -> Result<Outcome> {
        self.act(
            Permission::PublishProgram,
            "publish_program",
            request,
            |ctx| {
                let program = parse_program(&request.source)?;
                if program.currency != ctx.location.currency {
                    return Err(invalid(
                        "currency",
                        format!(
                            "the program is in {} but the shop is in {}",
                            program.currency, ctx.location.currency
                        ),
                    ));
                }
                let version = crate::store::reads::next_program_version(ctx.conn)?;
                let version = u32::try_from(version).unwrap_or(u32::MAX);
                Ok(Decision {
                    body: EventBody::ProgramPublished {
                        version,
                        name: program.name.text.clone(),
                        source: request.source.clone(),
                    },
                    notes: vec![(
                        format!("published {} as version {version}", program.name),
                        Message::new("program-published")
                            .name("program", &program.name)
                            .num("version", i64::from(version)),
                    )],
                    show_customer: false,
                })
            },
        )
    }

    /// The program in force, refused when none is published.
    pub fn program(&self) -> Result<crate::store::PublishedProgram> {
        self.store
            .program()?
            .ok_or_else(|| Refusal::NoProgram.into())
    }
}
