/** The typed client of the inventory service, and the budget a release gets by default. */
export { InventoryClient, RELEASE_TIMEOUT_MS } from './inventory-client';
/** Which held reservations listHeldReservations asks for. */
export type { HeldReservationsRequest } from './inventory-client';
