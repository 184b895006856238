-- Search that scales with the catalogue (issue 13). Past and cancelled events pile up forever while what a buyer
-- can still buy stays a small, moving set, so the default list and search (upcoming, not cancelled) get indexes
-- restricted to the events not archived yet. EventArchiver archives an event a day after it ended, or once it is
-- cancelled. The flag only decides which indexes hold a row, never what a query answers: a query of upcoming events
-- still checks status and ends_at, so a late archiving run costs speed, not correctness. Every existing row starts
-- archived (a default, no rewrite) except those that may still be upcoming; new rows, also release N-1's, start
-- unarchived.
alter table events add column archived boolean not null default true;
alter table events alter column archived set default false;
update events set archived = false where status = 'SCHEDULED' and ends_at > now() - interval '1 day';

create index events_upcoming_search_idx on events using gin (search_vector) where not archived;
create index events_upcoming_starts_at_idx on events (starts_at, id) where not archived;
create index events_upcoming_price_idx on events (price_wei, id) where not archived;
create index events_upcoming_created_at_idx on events (created_at, id) where not archived;
-- Counting upcoming events from the index alone (ends_at, status and starts_at are all a query of them reads), and
-- what the archiver looks for.
create index events_upcoming_ends_at_idx on events (ends_at, status, starts_at) where not archived;
