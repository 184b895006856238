-- /api/me/tickets lists the tickets a wallet holds or held: bought, received, or passed on.
create index tickets_buyer_idx on tickets (buyer_address);
create index ticket_transfers_from_idx on ticket_transfers (from_address);
