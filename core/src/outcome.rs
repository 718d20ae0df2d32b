//! Closing the loop: how effective the handling of a closed complaint was.
//!
//! Seed `001_bf48436fc09b92e7.txt` (投诉处理的效果评估与改进) evaluates
//! handling by satisfaction, handling time and the repeat-complaint rate;
//! seed `000_d3bb18e70da591cc.txt` lists improvement effect (投诉改善效果) as
//! the third tool of the grading toolkit. An [`Outcome`] is scored 0-100
//! against its assessment's resolution deadline, with reasons.

use crate::assessment::Assessment;
use crate::codes::code_enum;
use crate::policy::Policy;

/// What happened to a closed complaint.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// Resolved at the first contact.
    pub resolved_first_contact: bool,
    /// Hours from the complaint to its resolution.
    pub hours_to_resolve: u32,
    /// The customer's satisfaction, 1 (very dissatisfied) to 5, if surveyed.
    pub satisfaction: Option<u8>,
    /// Reopened after closure.
    pub reopened: bool,
    /// The same customer complained again about the same issue within 30 days.
    pub repeat_within_30_days: bool,
    /// The root cause was found and fixed.
    pub root_cause_fixed: bool,
}

code_enum! {
    /// A factor of the improvement effect.
    pub enum EffectFactor: "effect factor" {
        Base = "base", "Starting score", "基础分";
        FirstContact = "first_contact", "Resolved at first contact", "首次接触解决";
        OnTime = "on_time", "Resolved within the deadline", "按时解决";
        Late = "late", "Resolved late", "超时解决";
        VeryLate = "very_late", "Resolved far past the deadline", "严重超时";
        Satisfaction = "satisfaction", "Customer satisfaction", "客户满意度";
        Reopened = "reopened", "Reopened", "重新打开";
        RepeatWithin30Days = "repeat_within_30_days", "Repeat complaint within 30 days", "30天内重复投诉";
        RootCauseFixed = "root_cause_fixed", "Root cause fixed", "根本原因已解决";
    }
}

/// One factor of the improvement effect and its points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EffectReason {
    /// The factor.
    pub factor: EffectFactor,
    /// Its points.
    pub points: i16,
}

/// The improvement effect of a closed complaint.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Effect {
    /// The score, 0 (handling failed) to 100 (exemplary).
    pub score: u8,
    /// The sum of the reasons before clamping.
    pub raw_score: i32,
    /// Whether it was resolved within the deadline.
    pub on_time: bool,
    /// The deadline it was measured against, in hours.
    pub deadline_hours: u16,
    /// Every factor that moved the score.
    pub reasons: heapless::Vec<EffectReason, { EffectFactor::COUNT }>,
}

/// Scores the outcome of a closed complaint against its assessment.
///
/// ```
/// use complaint_triage::{assess, evaluate_outcome, Complaint, Outcome, Policy};
///
/// let a = assess(&Complaint::default(), &Policy::DEFAULT);
/// let good = Outcome { resolved_first_contact: true, hours_to_resolve: 1, satisfaction: Some(5), root_cause_fixed: true, ..Outcome::default() };
/// let bad = Outcome { hours_to_resolve: 500, satisfaction: Some(1), reopened: true, repeat_within_30_days: true, ..Outcome::default() };
/// assert!(evaluate_outcome(&good, &a, &Policy::DEFAULT).score > 90);
/// assert_eq!(evaluate_outcome(&bad, &a, &Policy::DEFAULT).score, 0);
/// ```
pub fn evaluate_outcome(outcome: &Outcome, assessment: &Assessment, policy: &Policy) -> Effect {
    let p = &policy.effect;
    let deadline = assessment.resolution_hours;
    let mut effect = Effect {
        score: 0,
        raw_score: 0,
        on_time: false,
        deadline_hours: deadline,
        reasons: heapless::Vec::new(),
    };
    let mut add = |factor: EffectFactor, points: i16| {
        if points != 0 {
            effect.raw_score += i32::from(points);
            // One reason per factor at most: capacity is the factor count.
            let _ = effect.reasons.push(EffectReason { factor, points });
        }
    };
    add(EffectFactor::Base, p.base);
    if outcome.resolved_first_contact {
        add(EffectFactor::FirstContact, p.first_contact);
    }
    let on_time = outcome.hours_to_resolve <= u32::from(deadline);
    if on_time {
        add(EffectFactor::OnTime, p.on_time);
    } else if outcome.hours_to_resolve <= u32::from(deadline) * u32::from(p.very_late_factor) {
        add(EffectFactor::Late, p.late);
    } else {
        add(EffectFactor::VeryLate, p.very_late);
    }
    if let Some(s) = outcome.satisfaction {
        let points = p
            .satisfaction
            .get(usize::from(s).wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        add(EffectFactor::Satisfaction, points);
    }
    if outcome.reopened {
        add(EffectFactor::Reopened, p.reopened);
    }
    if outcome.repeat_within_30_days {
        add(EffectFactor::RepeatWithin30Days, p.repeat_within_30_days);
    }
    if outcome.root_cause_fixed {
        add(EffectFactor::RootCauseFixed, p.root_cause_fixed);
    }
    effect.on_time = on_time;
    effect.score = effect.raw_score.clamp(0, 100) as u8;
    effect
}
