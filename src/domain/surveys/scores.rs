//! How answers become the numbers on the results page: agreement as a
//! score from 0 to 100, recommendation as an eNPS from −100 to +100.

/// A Likert answer (1–5) as 0, 25, 50, 75 or 100.
pub fn likert_points(answer: i32) -> f64 {
    f64::from((answer.clamp(1, 5) - 1) * 25)
}

/// The mean of Likert answers on the 0–100 scale, rounded; none without answers.
pub fn agreement_score(answers: &[i32]) -> Option<i32> {
    if answers.is_empty() {
        return None;
    }
    let total: f64 = answers.iter().map(|answer| likert_points(*answer)).sum();
    Some(round(total / answers.len() as f64))
}

/// Promoters (9–10) minus detractors (0–6) as a share of all answers, in
/// points from −100 to +100; none without answers.
pub fn enps(answers: &[i32]) -> Option<i32> {
    if answers.is_empty() {
        return None;
    }
    let promoters = answers.iter().filter(|answer| **answer >= 9).count() as f64;
    let detractors = answers.iter().filter(|answer| **answer <= 6).count() as f64;
    Some(round(100.0 * (promoters - detractors) / answers.len() as f64))
}

#[allow(clippy::cast_possible_truncation)] // the value lies within −100..=100
fn round(value: f64) -> i32 {
    value.round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_runs_from_zero_to_a_hundred() {
        assert_eq!(agreement_score(&[1, 1]), Some(0));
        assert_eq!(agreement_score(&[5]), Some(100));
        assert_eq!(agreement_score(&[3, 4]), Some(63), "50 and 75 average to 62.5, rounded up");
        assert_eq!(agreement_score(&[]), None);
    }

    #[test]
    fn enps_counts_promoters_minus_detractors() {
        // Two promoters, one passive, one detractor: (2 − 1) / 4.
        assert_eq!(enps(&[10, 9, 8, 3]), Some(25));
        assert_eq!(enps(&[0, 6]), Some(-100));
        assert_eq!(enps(&[7, 8]), Some(0), "passives count for neither side");
        assert_eq!(enps(&[]), None);
    }
}
