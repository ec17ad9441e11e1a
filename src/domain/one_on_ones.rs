//! The vocabulary of 1:1 conversations (issue 6, PRODUCT.md §3.4b): how
//! often a manager and an employee meet. Codes are stored, so a shipped
//! code never changes.

use serde::{Deserialize, Serialize};

coded!(
    /// How often a 1:1 recurs.
    Cadence {
        Weekly => "weekly", OneOnOnesCadenceWeekly;
        Fortnightly => "fortnightly", OneOnOnesCadenceFortnightly;
        /// The same day of the month (or the month's last day, if shorter).
        Monthly => "monthly", OneOnOnesCadenceMonthly;
    }
);
