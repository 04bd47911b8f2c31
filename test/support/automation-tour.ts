import { RuleRunner } from '@crm/application';
import { AnswerRecorder } from './answer-recorder';
import { TestApp } from './test-app';
import { eventually } from './webhook-receiver';

/**
 * Every automation route, with a run behind the rule: a rule tags each new account, one account
 * is registered and tagged, then the rule is revised, disabled, enabled and deleted. Starts the
 * rule runner (and stops it at the end). Writes one account.
 */
export const automationTour = async ({ send }: AnswerRecorder, t: TestApp): Promise<void> => {
  const runner = t.app.get(RuleRunner);
  runner.start();
  try {
    const created = await send('post', '/automation/rules', {
      name: 'Tag new accounts',
      trigger: { eventType: 'AccountRegistered' },
      actions: [
        { command: 'TagAccount', data: { accountId: '{{event.data.accountId}}', tag: 'new' } },
      ],
    });
    const ruleId = (created.body as { id: string }).id;
    await send('post', '/accounts', { name: 'Ruled Ltd' });
    await eventually(async () => {
      const { runs } = (await send('get', `/automation/rules/${ruleId}/runs`)).body as {
        runs: object[];
      };
      return runs.length > 0 ? runs : undefined;
    });
    await send('get', `/automation/rules/${ruleId}/runs?limit=1`);
    await send('patch', `/automation/rules/${ruleId}`, { name: 'Tag accounts' });
    await send('post', `/automation/rules/${ruleId}/disable`);
    await send('post', `/automation/rules/${ruleId}/enable`);
    await send('get', '/automation/rules');
    await send('get', `/automation/rules/${ruleId}`);
    await send('delete', `/automation/rules/${ruleId}`);
  } finally {
    await runner.stop();
  }
};
