mod answer_fields;

pub use answer_fields::AnswerFields;
