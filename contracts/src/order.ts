import type { NewOrder } from './input-schemas.js';

// An order as the database service stores and returns it, and the backend passes it on.
export interface Order extends NewOrder {
  id: number;
  totalCents: number;
  createdAt: string;
}
