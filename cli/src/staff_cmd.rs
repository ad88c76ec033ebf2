//! `counterpart staff …`, `--staff NAME` and `counterpart audit`: PINs come from
//! the environment (`COUNTERPART_PIN` for whoever acts, `COUNTERPART_NEW_PIN`
//! for a PIN being set) or are asked for on a terminal without echo.

use std::io::IsTerminal;

use clap::{Subcommand, ValueEnum};
use counterpart_engine::command::{
    AddStaff, AuditRange, Commands, Pin, RemoveStaff, SetPin, SetRole, SignIn, SignInIdle,
};
use counterpart_engine::error::{EngineError, InvalidInput};
use counterpart_engine::ledger::Role;

use crate::output::Out;

/// A role as typed.
#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// Enrols, records visits, redeems, undoes their own last action.
    Barista,
    /// Everything else too.
    Manager,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Barista => Role::Barista,
            RoleArg::Manager => Role::Manager,
        }
    }
}

#[derive(Subcommand)]
pub enum StaffCommand {
    /// Add a staff member (their PIN from COUNTERPART_NEW_PIN, or asked for).
    Add {
        /// Their name on the sign-in list.
        name: String,
        /// What they may do.
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List the staff.
    List,
    /// Set a PIN (a manager sets anyone's; everyone may set their own).
    SetPin {
        /// Their name or id.
        name: String,
    },
    /// Change a role; a promotion to manager asks for a new PIN of 6 digits or more.
    SetRole {
        /// Their name or id.
        name: String,
        /// The new role.
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// Remove a staff member: they can no longer sign in.
    Remove {
        /// Their name or id.
        name: String,
    },
    /// Show, or set (a manager's), after how many minutes unused a sign-in
    /// ends on this till.
    Idle {
        /// Minutes for a barista (1 to 720).
        #[arg(long)]
        barista: Option<u32>,
        /// Minutes for a manager (1 to 720).
        #[arg(long)]
        manager: Option<u32>,
    },
}

fn pin_problem(problem: &str) -> EngineError {
    EngineError::Invalid(InvalidInput::new("pin", problem))
}

/// A PIN from `var`, or typed at the terminal (twice when it is a new one).
fn read_pin(var: &str, prompt: &str, confirm: bool) -> Result<Pin, EngineError> {
    if let Ok(pin) = std::env::var(var) {
        return Ok(Pin(pin));
    }
    if !std::io::stdin().is_terminal() {
        return Err(pin_problem(&format!(
            "set {var}, or run on a terminal to type the PIN"
        )));
    }
    let ask = |p: &str| rpassword::prompt_password(p).map_err(EngineError::Io);
    let pin = ask(prompt)?;
    if confirm && ask("the same PIN again: ")? != pin {
        return Err(pin_problem("the two PINs differ"));
    }
    Ok(Pin(pin))
}

/// A new PIN being set: `COUNTERPART_NEW_PIN`, or typed twice.
pub fn new_pin(whose: &str) -> Result<Pin, EngineError> {
    read_pin(
        "COUNTERPART_NEW_PIN",
        &format!("new PIN for {whose}: "),
        true,
    )
}

/// The command layer signed in as `name`, with the PIN from
/// `COUNTERPART_PIN` or the terminal.
pub fn sign_in(till: &Commands, name: &str) -> Result<Commands, EngineError> {
    let pin = read_pin("COUNTERPART_PIN", &format!("PIN for {name}: "), false)?;
    till.sign_in(&SignIn {
        staff: name.to_string(),
        pin,
    })
}

/// `counterpart staff …`.
pub fn run(till: &Commands, command: StaffCommand, out: &mut Out) -> Result<(), EngineError> {
    match command {
        StaffCommand::Add { name, role } => {
            let pin = new_pin(&name)?;
            let member = till.add_staff(&AddStaff {
                name,
                role: role.into(),
                pin,
            })?;
            out.staff_member("added", &member);
        }
        StaffCommand::List => out.staff(&till.staff()?),
        StaffCommand::SetPin { name } => {
            let pin = new_pin(&name)?;
            // Changing one's own PIN without a manager takes the one it
            // replaces: the signed-in person's, from COUNTERPART_PIN.
            let current = std::env::var("COUNTERPART_PIN").ok().map(Pin);
            let member = till.set_pin(&SetPin {
                staff: name,
                pin,
                current,
            })?;
            out.staff_member("new PIN for", &member);
        }
        StaffCommand::SetRole { name, role } => {
            let role = Role::from(role);
            let pin = match role {
                Role::Manager => Some(new_pin(&name)?),
                Role::Barista => None,
            };
            let member = till.set_role(&SetRole {
                staff: name,
                role,
                pin,
            })?;
            out.staff_member("changed", &member);
        }
        StaffCommand::Remove { name } => {
            out.outcome(&till.remove_staff(&RemoveStaff { staff: name })?);
        }
        StaffCommand::Idle { barista, manager } => {
            let now = till.sign_in_idle()?;
            let limits = match (barista, manager) {
                (None, None) => now,
                _ => till.set_sign_in_idle(&SignInIdle {
                    barista_minutes: barista.unwrap_or(now.barista_minutes),
                    manager_minutes: manager.unwrap_or(now.manager_minutes),
                })?,
            };
            out.sign_in_idle(&limits);
        }
    }
    Ok(())
}

/// `counterpart audit`.
pub fn audit(
    till: &Commands,
    from: Option<String>,
    to: Option<String>,
    out: &mut Out,
) -> Result<(), EngineError> {
    out.audit(&till.audit(&AuditRange { from, to })?);
    Ok(())
}
