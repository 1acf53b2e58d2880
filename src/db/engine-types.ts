/** A running database engine the service can connect to. */
export interface Engine {
  name: 'external' | 'mongodb-memory-server' | 'ferretdb';
  version: string;
  uri: string;
  stop(): Promise<void>;
}

export type EngineLog = (message: string) => void;
