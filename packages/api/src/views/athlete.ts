import type { Athlete, AthleteExport, MoodReport } from '@aria/db';

/** An athlete as the API shows it (plain types, so the published client stays light). */
export interface AthleteView {
  id: string;
  name: string | null;
  email: string | null;
  gender: string | null;
  birthDate: string | null;
  eventFocus: string[];
  personalBests: Record<string, number>;
  trainingGoal: string | null;
  injuryStatus: string | null;
  coachMode: 'strict' | 'supportive' | 'friendly';
  mood: string | null;
  /** IANA time zone; UTC until set. */
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toAthleteView(row: Athlete): AthleteView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    gender: row.gender,
    birthDate: row.birthDate,
    eventFocus: row.eventFocus,
    personalBests: row.personalBests,
    trainingGoal: row.trainingGoal,
    injuryStatus: row.injuryStatus,
    coachMode: row.coachMode,
    mood: row.mood,
    timeZone: row.timeZone,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface MoodReportView {
  id: string;
  athleteId: string;
  mood: string;
  energy: number | null;
  soreness: number | null;
  note: string | null;
  createdAt: Date;
}

export function toMoodReportView(row: MoodReport): MoodReportView {
  return { ...row };
}

/** A data export: every stored record of the athlete, as JSON-friendly plain objects. */
export interface AthleteExportView {
  exportedAt: Date;
  athlete: AthleteView;
  records: Record<string, unknown>;
}

export function toAthleteExportView(data: AthleteExport, exportedAt: Date): AthleteExportView {
  const { athlete, ...records } = data;
  return { exportedAt, athlete: toAthleteView(athlete), records };
}
