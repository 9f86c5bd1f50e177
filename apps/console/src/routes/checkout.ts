import { Router } from 'express';
import { placeCheckout } from '../checkout/gateway-checkout';

/**
 * POST /api/checkout: places a checkout at the gateway for the page. The gateway's status, body
 * and `traceresponse` header pass through unchanged; `Server-Timing: gateway;dur=…` adds the
 * latency measured here.
 */
export function checkoutRoutes(gatewayUrl: string): Router {
  const router = Router();
  router.post('/api/checkout', async (req, res) => {
    const answer = await placeCheckout(gatewayUrl, req.body, req.get('idempotency-key'));
    res.status(answer.status).type(answer.contentType);
    if (answer.traceResponse) res.set('traceresponse', answer.traceResponse);
    if (answer.replayed) res.set('idempotent-replayed', answer.replayed);
    res.set('server-timing', `gateway;dur=${answer.latencyMs.toFixed(1)}`);
    res.send(answer.body);
  });
  return router;
}
