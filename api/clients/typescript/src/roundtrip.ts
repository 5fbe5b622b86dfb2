// Lists, creates, reads, updates, changes the status of and deletes an opportunity with the generated
// client, and reads a 404 and a 422 as typed errors. Usage: node target/dist/src/roundtrip.js BASE_URL
import { Configuration } from '../target/generated/runtime.js';
import { OpportunitiesApi } from '../target/generated/apis/OpportunitiesApi.js';
import type { Opportunity, OpportunityRequest } from '../target/generated/models/index.js';
import { apiFailure } from './errors.js';

const PIPELINE = 'bCkKGpDsyPP4peuKowkG';
const NEW = '8b897c8f-b859-49c1-88f2-ed590708a85c';
const CONTACTED = '7915dedc-8f18-44d5-8bc3-77c04e994a10';

let passed = 0;
let failed = 0;

function check(what: string, holds: boolean, detail: unknown = ''): void {
  if (holds) {
    passed++;
    console.log(`ok   ${what}`);
  } else {
    failed++;
    console.log(`FAIL ${what} ${JSON.stringify(detail)}`);
  }
}

async function main(baseUrl: string): Promise<void> {
  const api = new OpportunitiesApi(new Configuration({ basePath: baseUrl, accessToken: async () => 'demo-token' }));

  const before = await api.listOpportunities({ pipelineId: PIPELINE, limit: 100 });
  check('list: the demo opportunity is there', before.opportunities.some((o) => o.id === '123akv4LFn6C9frZoy3e'), before.meta);

  const request: OpportunityRequest = {
    title: 'TypeScript round trip', status: 'open', stageId: NEW,
    email: `ts-${Date.now()}@example.com`, name: 'Grace Hopper', monetaryValue: 1200.5, tags: ['typescript'],
  };
  const created: Opportunity = await api.createOpportunity({ pipelineId: PIPELINE, opportunityRequest: request });
  check('create: echoes the title as name', created.name === request.title, created);
  check('create: createdAt is a Date', created.createdAt instanceof Date, created.createdAt);

  const read = await api.getOpportunity({ pipelineId: PIPELINE, opportunityId: created.id });
  check('read: the same opportunity', read.id === created.id && read.contact.email === request.email, read);

  const updated = await api.updateOpportunity({
    pipelineId: PIPELINE, opportunityId: created.id,
    opportunityRequest: { ...request, title: 'TypeScript round trip, updated', monetaryValue: 2400 },
  });
  check('update: new title and value', updated.name === 'TypeScript round trip, updated' && updated.monetaryValue === 2400, updated);

  // 200 with an empty body: the generated method resolves to void.
  await api.updateOpportunityStatus({
    pipelineId: PIPELINE, opportunityId: created.id, opportunityStatusRequest: { status: 'won', stageId: CONTACTED },
  });
  const won = await api.getOpportunity({ pipelineId: PIPELINE, opportunityId: created.id });
  check('status: won, in the new stage', won.status === 'won' && won.pipelineStageId === CONTACTED, won);

  const after = await api.listOpportunities({ pipelineId: PIPELINE, title: 'round trip', limit: 100 });
  check('list: finds it by title', after.opportunities.some((o) => o.id === created.id), after.meta);

  await api.deleteOpportunity({ pipelineId: PIPELINE, opportunityId: created.id });
  try {
    await api.getOpportunity({ pipelineId: PIPELINE, opportunityId: created.id });
    check('read after delete: 404', false, 'no error');
  } catch (thrown) {
    const failure = await apiFailure(thrown);
    check('read after delete: 404 {"msg": "Not Found"}',
      failure.kind === 'message' && failure.status === 404 && failure.error.msg === 'Not Found', failure);
  }

  try {
    await api.createOpportunity({ pipelineId: PIPELINE, opportunityRequest: { title: 'No contact', status: 'open', stageId: NEW } });
    check('create without a contact: 422', false, 'no error');
  } catch (thrown) {
    const failure = await apiFailure(thrown);
    check('create without a contact: 422 keyed "contactId or email", rule required',
      failure.kind === 'validation' && failure.fields['contactId or email']?.rule === 'required', failure);
  }

  try {
    await new OpportunitiesApi(new Configuration({ basePath: baseUrl, accessToken: async () => 'wrong-token' }))
      .listOpportunities({ pipelineId: PIPELINE });
    check('a wrong token: 401', false, 'no error');
  } catch (thrown) {
    const failure = await apiFailure(thrown);
    check('a wrong token: 401 {"msg": "Unauthorized"}', failure.kind === 'message' && failure.status === 401, failure);
  }
}

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error('usage: node target/dist/src/roundtrip.js BASE_URL');
  process.exit(2);
}
main(baseUrl)
  .catch((error: unknown) => {
    failed++;
    console.log(`FAIL the round trip stopped: ${error instanceof Error ? error.stack : String(error)}`);
  })
  .finally(() => {
    console.log(`typescript round trip: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
