/**
 * The sandbox engine's data: customers' users, their face scans and question answers, kept in
 * memory and optionally persisted to a JSON file. Metrics and wellbeing scores are derived from
 * a user's scans (and answers), so a new scan moves them as it would on the real engine.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ScanBiomarker } from '../../src/protocol/health.js';
import { average, metricsFrom, wellbeingFrom } from './derive.js';
import {
  hashExternalId,
  isoWithOffset,
  type Answer,
  type Data,
  type Metrics,
  type Scan,
  type User,
  type Wellbeing,
} from './model.js';
import { SEED_USERS, seedData, type Base } from './seed.js';

export class Store {
  private data: Data;

  constructor(
    private readonly file?: string,
    now = Date.now(),
  ) {
    this.data = seedData(now);
    if (file) {
      try {
        this.data = JSON.parse(readFileSync(file, 'utf8')) as Data;
      } catch {
        this.save();
      }
    }
  }

  private save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.data, null, 1));
  }

  userById(userId: string): User | undefined {
    return this.data.users.find((u) => u.user_id === userId);
  }

  userByExternalId(customer: string, externalId: string): User | undefined {
    const hash = hashExternalId(externalId);
    return this.data.users.find((u) => u.customer === customer && u.external_hash === hash);
  }

  createUser(customer: string, externalId: string, fields: Partial<User>): User {
    const user: User = {
      user_id: randomUUID(),
      customer,
      external_hash: hashExternalId(externalId),
      birth_date: null,
      sex: null,
      weight: null,
      height: null,
      hypertension: null,
      language: null,
      preferred_unit_system: null,
      ...fields,
    };
    this.data.users.push(user);
    this.data.answers[user.user_id] = [];
    this.save();
    return user;
  }

  updateUser(user: User, fields: Partial<User>): User {
    Object.assign(user, fields);
    this.save();
    return user;
  }

  deleteUser(user: User): void {
    this.data.users = this.data.users.filter((u) => u !== user);
    this.data.scans = this.data.scans.filter((s) => s.user_id !== user.user_id);
    delete this.data.answers[user.user_id];
    this.save();
  }

  scan(id: string): Scan | undefined {
    return this.data.scans.find((s) => s.face_scan_id === id);
  }

  /** A user's scans, oldest first. */
  scansOf(userId: string): Scan[] {
    return this.data.scans
      .filter((s) => s.user_id === userId)
      .sort((a, b) => a.timestamp_epoch - b.timestamp_epoch);
  }

  addScan(user: User, values: Record<ScanBiomarker, number | null>, epochMs = Date.now()): Scan {
    const scan: Scan = {
      face_scan_id: randomUUID(),
      user_id: user.user_id,
      ...values,
      timestamp_epoch: Math.floor(epochMs / 1000),
      timestamp: isoWithOffset(epochMs),
    };
    this.data.scans.push(scan);
    this.save();
    return scan;
  }

  /** The baseline a new measurement of this user scatters around (their recent averages). */
  baselineOf(user: User): Base {
    const recent = this.scansOf(user.user_id).slice(-5);
    const seed = SEED_USERS.find(
      (s) => hashExternalId(s.external_user_id) === user.external_hash,
    )?.base;
    const pick = (key: ScanBiomarker, fallback: number | null) => {
      if (recent.length === 0) return fallback;
      const value = average(recent, key);
      return value === null ? null : Math.round(value);
    };
    return {
      hr: pick('heart_rate', seed?.hr ?? 68) ?? 68,
      rr: pick('respiratory_rate', seed?.rr ?? 15) ?? 15,
      hrv: pick('heart_rate_variability', seed?.hrv ?? 60) ?? 60,
      rbs: pick('resonant_breathing_score', seed?.rbs ?? 50),
      sys: pick('systolic_blood_pressure', seed?.sys ?? 120),
      dia: pick('diastolic_blood_pressure', seed?.dia ?? 80),
    };
  }

  answersOf(userId: string): Answer[] {
    return this.data.answers[userId] ?? [];
  }

  saveAnswer(user: User, answer: Answer): Answer {
    const list = (this.data.answers[user.user_id] ??= []);
    const index = list.findIndex((a) => a.lookup_key === answer.lookup_key);
    if (index >= 0) list[index] = answer;
    else list.push(answer);
    this.save();
    return answer;
  }

  /** Health metrics from the user's scans and answers (derive.ts); null without scans. */
  metricsOf(userId: string): Metrics | null {
    return metricsFrom(this.scansOf(userId), this.answersOf(userId));
  }

  /** Wellbeing profile scores (0–100) from the metrics; null without scans. */
  wellbeingOf(userId: string): Wellbeing | null {
    const metrics = this.metricsOf(userId);
    return metrics && wellbeingFrom(metrics.metrics);
  }
}
