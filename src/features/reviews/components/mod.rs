mod question_fields;

pub use question_fields::question_fields;
