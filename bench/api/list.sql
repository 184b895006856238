-- pgbench: the database work of one GET /api/events?q=jazz&page=1&size=20, the API's own SQL (EventSearch:
-- upcoming events only, the first 1,000 matches ranked and counted as (id, start, rank), then the page's rows read).
select e.id, e.organizer_address, e.name, e.description, e.location, e.starts_at, e.ends_at, e.price_wei,
       e.capacity, e.tickets_sold, e.status, e.chain_event_id, e.chain_status, e.created_at, e.updated_at, e.version,
       e.sale_starts_at, e.sale_ends_at, e.transfer_locked, r.rank, r.total_count
from (
  select c.id, c.starts_at, ts_rank(c.search_vector, websearch_to_tsquery('english', 'jazz')) as rank,
         count(*) over () as total_count
  from (select e.id, e.starts_at, e.search_vector
        from events e
        where e.search_vector @@ websearch_to_tsquery('english', 'jazz') and not e.archived and e.status = 'SCHEDULED' and greatest(e.ends_at, e.starts_at) > now()
        limit 1000) c
  order by rank desc, c.starts_at asc, c.id asc
  limit 21 offset 20) r
join events e on e.id = r.id
order by r.rank desc, r.starts_at asc, r.id asc;
