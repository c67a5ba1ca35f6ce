import { useState } from 'react';
import { shanghaiDateOf } from '@linli/shared';

import type { MealSubsidyRuleView } from '@linli/shared';

import { useActions } from '../../hooks/useActions';
import { useRemoteById } from '../../hooks/useRemoteData';
import { createSubsidyScheme, fetchSubsidyRules, publishSubsidyVersion, withdrawSubsidyVersion } from '../../services/meal-admin';
import { draftOfRule, emptyRuleDraft, ruleInputOf } from '../forms/subsidy-rule-form';

import type { ActionsHandle } from '../../hooks/useActions';
import type { ApiError } from '../../services/api-error';
import type { RemoteDataHandle } from '../../hooks/useRemoteData';
import type { SubsidyRuleDraft } from '../forms/subsidy-rule-form';

/** A scheme and its versions, the newest first. */
export interface SubsidyScheme {
  schemeId: string;
  versions: MealSubsidyRuleView[];
}

/** What the form is for: a new scheme (optionally sharing another's caps), or the next version of one. */
export type RuleEditing = { kind: 'scheme'; draft: SubsidyRuleDraft; shareCapsWithSchemeId: string | null } | { kind: 'version'; schemeId: string; draft: SubsidyRuleDraft };

export interface SubsidyRulesHandle {
  rules: RemoteDataHandle<MealSubsidyRuleView[]>;
  schemes: SubsidyScheme[];
  today: string;
  editing: RuleEditing | null;
  newScheme: () => void;
  newVersion: (scheme: SubsidyScheme) => void;
  setDraft: (draft: SubsidyRuleDraft) => void;
  setShareCaps: (schemeId: string | null) => void;
  cancel: () => void;
  submit: () => void;
  /** The form's problems: its own checks, or the API's `details.problems`. */
  problems: string[];
  /** Ids: 'submit', or the version being withdrawn. */
  actions: ActionsHandle<string>;
  withdraw: (rule: MealSubsidyRuleView) => void;
  done: string | null;
}

export function schemesOf(rules: readonly MealSubsidyRuleView[]): SubsidyScheme[] {
  const bySchemeId = new Map<string, MealSubsidyRuleView[]>();
  for (const rule of rules) bySchemeId.set(rule.schemeId, [...(bySchemeId.get(rule.schemeId) ?? []), rule]);
  return [...bySchemeId].map(([schemeId, versions]) => ({ schemeId, versions: versions.sort((a, b) => b.version - a.version) }));
}

function problemsOf(error: ApiError): string[] {
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? details.problems.filter((problem): problem is string => typeof problem === 'string') : [];
}

/** 补贴规则 of a district: its schemes with every version; admins create schemes, publish versions, withdraw future ones. */
export function useSubsidyRules(districtId: string, now: () => Date = () => new Date()): SubsidyRulesHandle {
  const rules = useRemoteById(fetchSubsidyRules, districtId);
  const [today] = useState(() => shanghaiDateOf(now()));
  const [editing, setEditing] = useState<RuleEditing | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const actions = useActions();

  const open = (next: RuleEditing | null) => {
    setEditing(next);
    setProblems([]);
    actions.reset('submit');
  };

  const saved = (rule: MealSubsidyRuleView) => {
    open(null);
    setDone(`已发布“${rule.name}”第 ${rule.version} 版，${rule.effectiveFrom} 起生效`);
    rules.reloadQuietly();
  };

  const submit = () => {
    if (!editing) return;
    const checked = ruleInputOf(editing.draft);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setDone(null);
    const send =
      editing.kind === 'scheme'
        ? () => createSubsidyScheme(districtId, { ...checked.input, shareCapsWithSchemeId: editing.shareCapsWithSchemeId })
        : () => publishSubsidyVersion(editing.schemeId, checked.input);
    actions.run('submit', send, { done: saved, failed: (error) => setProblems(problemsOf(error)) });
  };

  const withdraw = (rule: MealSubsidyRuleView) => {
    setDone(null);
    actions.run(rule.id, () => withdrawSubsidyVersion(rule.id), {
      done: (withdrawn) => {
        setDone(`已撤回“${withdrawn.name}”第 ${withdrawn.version} 版`);
        rules.reloadQuietly();
      },
    });
  };

  return {
    rules,
    schemes: rules.state.status === 'ready' ? schemesOf(rules.state.data) : [],
    today,
    editing,
    newScheme: () => open({ kind: 'scheme', draft: emptyRuleDraft(today), shareCapsWithSchemeId: null }),
    newVersion: (scheme) => open({ kind: 'version', schemeId: scheme.schemeId, draft: draftOfRule(scheme.versions[0], today) }),
    setDraft: (draft) => setEditing((current) => (current ? { ...current, draft } : current)),
    setShareCaps: (schemeId) => setEditing((current) => (current?.kind === 'scheme' ? { ...current, shareCapsWithSchemeId: schemeId } : current)),
    cancel: () => open(null),
    submit,
    problems,
    actions,
    withdraw,
    done,
  };
}
