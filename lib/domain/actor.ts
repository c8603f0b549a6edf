/** The signed-in user or API-token owner a use case acts for. */
export type Role = 'admin' | 'manager' | 'agent';
export interface Actor { id: string; role: Role; name: string; email: string }
