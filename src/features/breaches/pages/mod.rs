mod incident;
mod notices;
mod register;

pub use incident::OperatorBreachPage;
pub use notices::BreachesPage;
pub use register::OperatorBreachesPage;
