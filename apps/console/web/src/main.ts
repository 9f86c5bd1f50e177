import type { LabInfo } from '../../src/api-types';
import { api } from './api';
import { byId, h, replaceChildren } from './dom';
import { mountChallenge } from './challenge-panel';
import { mountDeadLetters } from './dead-letters-panel';
import { mountLoad } from './load-panel';
import type { PageContext } from './page-context';
import { mountPools } from './pool-panel';
import { mountServiceStates } from './service-states';
import { mountShop } from './shop';
import { mountSwitches } from './switches';
import { mountTokenBar } from './token-bar';
import { mountTraces } from './traces-panel';
import { mountWaterfall } from './waterfall';

async function start(): Promise<void> {
  const lab = await api<LabInfo>('/api/lab');
  mountTokenBar(byId('token-bar'), lab.adminTokenRequired);
  const states = h('div', { id: 'service-states', class: 'service-states', 'aria-label': 'services' });
  byId('token-bar').before(states);
  mountServiceStates(states);
  const setFlag = mountSwitches(byId('switches'), { lab });
  const openWaterfall = mountWaterfall(byId('waterfall'), { setFlag });
  const traces = mountTraces(byId('traces'), { openWaterfall });
  const ctx: PageContext = {
    lab,
    openWaterfall,
    setFlag,
    jaegerTraceUrl: (traceId) => (lab.jaegerUiUrl === null ? undefined : `${lab.jaegerUiUrl}/trace/${traceId}`),
    checkoutPlaced: () => traces.refreshSoon(),
  };
  mountShop(byId('shop'), ctx);
  mountLoad(byId('load'), ctx);
  mountChallenge(byId('challenge'));
  mountPools(byId('pools'));
  mountDeadLetters(byId('dead-letters'));
  document.body.dataset.ready = 'true';
}

start().catch((error: Error) => {
  replaceChildren(byId('shop'), h('p', { class: 'problem', text: `The console API did not answer: ${error.message}. Is the console running?` }));
});
