/** Reads for the Findings workspace: findings, recommendations, actions and starred quotes of a project. */
import type { Action, Finding, Quote, Recommendation } from '../../shared/model';
import type { ChorusDb } from './schema';

const byOrder = <T extends { order: number; createdAt: string; id: string }>(xs: T[]) => xs.sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

export const listFindings = async (db: ChorusDb, projectId: string): Promise<Finding[]> => byOrder(await db.findings.where('projectId').equals(projectId).toArray());
export const listRecommendations = async (db: ChorusDb, projectId: string): Promise<Recommendation[]> => byOrder(await db.recommendations.where('projectId').equals(projectId).toArray());
export const listActions = async (db: ChorusDb, projectId: string): Promise<Action[]> => (await db.actions.where('projectId').equals(projectId).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
/** Starred quotes (the Code view stars them), oldest first. */
export const listQuotes = async (db: ChorusDb, projectId: string): Promise<Quote[]> => (await db.quotes.where('projectId').equals(projectId).toArray()).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
