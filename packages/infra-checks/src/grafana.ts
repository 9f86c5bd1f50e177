/** One PromQL query of a dashboard panel. */
export interface DashboardQuery {
  panel: string;
  refId: string;
  expr: string;
  exemplar: boolean;
  datasourceUid?: string;
}

/** A dashboard panel, as far as the checks read it; rows nest panels. */
export interface DashboardPanel {
  id?: number;
  title?: string;
  type?: string;
  datasource?: { uid?: string };
  targets?: Array<{ refId?: string; expr?: string; exemplar?: boolean; datasource?: { uid?: string } }>;
  panels?: DashboardPanel[];
}

/** Panels of a dashboard, the ones nested in collapsed rows included. */
export function listPanels(dashboard: { panels?: DashboardPanel[] }): DashboardPanel[] {
  return (dashboard.panels ?? []).flatMap((panel) => [panel, ...listPanels(panel)]);
}

/** Every PromQL query of a dashboard's panels, with the data source each one asks. */
export function collectDashboardQueries(dashboard: { panels?: DashboardPanel[] }): DashboardQuery[] {
  return listPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).flatMap((target) =>
      typeof target.expr === 'string'
        ? [{
            panel: panel.title ?? '(untitled)',
            refId: target.refId ?? '',
            expr: target.expr,
            exemplar: target.exemplar === true,
            datasourceUid: target.datasource?.uid ?? panel.datasource?.uid,
          }]
        : [],
    ),
  );
}

/** What a `label_values(metric, label)` variable query reads; undefined for any other query. */
export function parseLabelValuesQuery(query: string): { metric?: string; label: string } | undefined {
  const match = /^\s*label_values\(\s*(?:([^,()]+?)\s*,\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\s*\)\s*$/.exec(query);
  if (!match) return undefined;
  return match[1] === undefined ? { label: match[2] } : { metric: match[1], label: match[2] };
}

/**
 * Replaces Grafana's variables with values PromQL accepts, for syntax checks: interval
 * variables become 5m, dashboard variables (used inside =~ matchers) become ".*".
 */
export function substituteGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$\{?__(?:rate_interval|interval|range)(?:_ms|_s)?\}?/g, '5m')
    .replace(/\$\{[^}]*\}|\$[A-Za-z_]\w*/g, '.*');
}
