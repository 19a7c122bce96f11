import type {
  AcwrFlags,
  GeneratedPlan,
  ReadinessBand,
  ReadinessModel,
  ReadinessStatus,
  TodaysSession,
  TrainingRecommendation,
} from '@aria/core';
import type { TrainingPlan } from '@aria/db';
import { planDocumentSchema } from '../schemas/plan-document.js';

export interface PlanView {
  id: string;
  athleteId: string;
  event: string;
  /** A plain-words summary of the plan. */
  narrative: string | null;
  plan: GeneratedPlan;
  createdAt: Date;
}

export function toPlanView(row: TrainingPlan): PlanView {
  return {
    id: row.id,
    athleteId: row.athleteId,
    event: row.event,
    narrative: row.narrative,
    plan: planDocumentSchema.parse(row.plan),
    createdAt: row.createdAt,
  };
}

export interface PlanSummaryView {
  id: string;
  event: string;
  experienceLevel: string;
  daysPerWeek: number;
  competitionDate: string;
  startDate: string;
  weeks: number;
  createdAt: Date;
}

export function toPlanSummaryView(row: TrainingPlan): PlanSummaryView {
  const { plan } = toPlanView(row);
  return {
    id: row.id,
    event: plan.event,
    experienceLevel: plan.experienceLevel,
    daysPerWeek: plan.daysPerWeek,
    competitionDate: plan.competitionDate,
    startDate: plan.startDate,
    weeks: plan.weeks,
    createdAt: row.createdAt,
  };
}

export interface PlanPageView {
  items: PlanSummaryView[];
  limit: number;
  offset: number;
}

export interface PlanTodayView extends TodaysSession {
  planId: string;
  /** Today's readiness; `insufficient_data` (score, band and recommendation null) changes nothing. */
  readiness: {
    status: ReadinessStatus;
    score: number | null;
    band: ReadinessBand | null;
    recommendation: TrainingRecommendation | null;
    model: ReadinessModel;
    summary: string;
    missing: string[];
  };
  /** Rolling and EWMA ACWR flags; null before 28 days of training log. */
  acwr: AcwrFlags | null;
}
