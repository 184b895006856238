-- main before issue 13 (commit 0fda987): kept to measure the baseline (LIST_SQL=bench/api/list-main.sql).
-- pgbench: the database work of one GET /api/events?q=jazz&page=1&size=20, the API's own SQL
-- (EventSearch: the ranked page, counted in the same query).
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, count(*) over () as total_count
from events e, websearch_to_tsquery('english', 'jazz') query
where e.search_vector @@ query
order by ts_rank(e.search_vector, query) desc, e.starts_at asc, e.id asc
limit 20 offset 20;
