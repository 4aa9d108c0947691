// The state of a dependency (the broker, the database), as a service's /health reports it.
export type DependencyState = 'up' | 'down';
