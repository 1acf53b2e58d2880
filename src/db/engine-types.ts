/** Whether a supervised engine is up, and how often it was restarted after dying. */
export interface EngineHealth {
  up: boolean;
  restarts: number;
}

/** A running database engine the service can connect to. */
export interface Engine {
  name: 'external' | 'mongodb-memory-server' | 'ferretdb';
  version: string;
  uri: string;
  /** Present for an engine the service supervises (the embedded FerretDB). */
  health?: EngineHealth;
  stop(): Promise<void>;
}

export type EngineLog = (message: string) => void;
