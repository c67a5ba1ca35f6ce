import { SUBSCRIBE_TEMPLATE_NAMES, type SubscribeTemplateName } from '@linli/shared';
import { ConfigError, type Env } from './config-error';

/** A template id as WeChat's console shows it (43 characters today); the column holding it has room for 64. */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The subscribe-message templates this mini program has added in WeChat's console, by Linli's name for each
 * (shared's SUBSCRIBE_TEMPLATES): `WECHAT_SUBSCRIBE_TEMPLATE_<NAME>` = the template id. A template left out is not
 * sent and not asked for; with none configured no WeChat message is sent at all (the inbox still has everything).
 */
export function readSubscribeTemplates(env: Env): Partial<Record<SubscribeTemplateName, string>> {
  const templates: Partial<Record<SubscribeTemplateName, string>> = {};
  const seen = new Map<string, string>();
  for (const name of SUBSCRIBE_TEMPLATE_NAMES) {
    const variable = `WECHAT_SUBSCRIBE_TEMPLATE_${name.toUpperCase()}`;
    const id = env[variable]?.trim();
    if (!id) continue;
    if (!TEMPLATE_ID.test(id)) throw new ConfigError(variable, 'must be a template id from the mini program console (letters, digits, _ and -)');
    const other = seen.get(id);
    if (other) throw new ConfigError(variable, `is the same template as ${other}; each needs its own`);
    seen.set(id, variable);
    templates[name] = id;
  }
  return templates;
}
