/** A compose healthcheck, as far as the checks read it. */
export interface ComposeHealthcheck {
  test?: string | string[];
  disable?: boolean;
  interval?: string;
  timeout?: string;
  retries?: number;
}

/** A compose build section in its long form. */
export interface ComposeBuild {
  context?: string;
  dockerfile?: string;
}

/** One service of a compose file, as far as the checks read it. */
export interface ComposeService {
  image?: string;
  build?: string | ComposeBuild;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | number | { target: number; published?: string | number; host_ip?: string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: ComposeHealthcheck;
  mem_limit?: string | number;
  restart?: string;
  profiles?: string[];
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
}

/** A parsed, interpolated compose file. */
export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A published port: host address (if any), host port and container port. */
export interface PortMapping {
  hostIp?: string;
  host: number;
  container: number;
}

/** A dependency of a service and the condition it waits for. */
export interface Dependency {
  service: string;
  condition: string;
}
