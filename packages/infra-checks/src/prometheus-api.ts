// The two calls of Prometheus' HTTP API a live test reads: active alerts and an instant query.

/** One alert as /api/v1/alerts lists it (pending or firing; inactive alerts are not listed). */
export interface PrometheusAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  value: string;
}

interface ApiAnswer<T> {
  status: 'success' | 'error';
  data?: T;
  error?: string;
}

async function getApi<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const answer = (await response.json()) as ApiAnswer<T>;
  if (!response.ok || answer.status !== 'success' || answer.data === undefined) {
    throw new Error(`GET ${url}: ${response.status} ${answer.error ?? 'no data'}`);
  }
  return answer.data;
}

/** The alerts that are pending or firing right now. */
export async function fetchActiveAlerts(baseUrl: string): Promise<PrometheusAlert[]> {
  return (await getApi<{ alerts: PrometheusAlert[] }>(`${baseUrl}/api/v1/alerts`)).alerts;
}

/** The state of one alert by name: firing, pending, or inactive when it is not listed. */
export async function alertState(baseUrl: string, alertname: string): Promise<'firing' | 'pending' | 'inactive'> {
  const alerts = (await fetchActiveAlerts(baseUrl)).filter((a) => a.labels.alertname === alertname);
  if (alerts.some((a) => a.state === 'firing')) return 'firing';
  return alerts.length > 0 ? 'pending' : 'inactive';
}

/** The value of a PromQL expression that yields at most one sample, or undefined when it yields none. */
export async function queryScalar(baseUrl: string, expr: string): Promise<number | undefined> {
  const data = await getApi<{ result: Array<{ value: [number, string] }> }>(`${baseUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  if (data.result.length > 1) throw new Error(`${expr} yields ${data.result.length} samples, not one`);
  return data.result.length === 0 ? undefined : Number(data.result[0].value[1]);
}
