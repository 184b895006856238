-- Loads :events events (default 10,000) from 20 organizers: 20 genres x 10 kinds in the names,
-- 10 cities, dates over a year, prices 0..0.099 ETH. "jazz" matches 1 event in 20.
\set ON_ERROR_STOP on
insert into users (address, role)
select '0x' || lpad(to_hex(o), 40, '0'), 'ORGANIZER' from generate_series(1, 20) o
on conflict (address) do nothing;

insert into events (organizer_address, name, description, location, starts_at, ends_at, price_wei, capacity)
select '0x' || lpad(to_hex(1 + i % 20), 40, '0'),
       g.genres[1 + i % 20] || ' ' || g.kinds[1 + (i / 20) % 10] || ' #' || i,
       'An evening of ' || lower(g.genres[1 + (i * 7) % 20]) || ' and ' || lower(g.genres[1 + (i * 11) % 20])
           || ' with friends from ' || g.cities[1 + (i * 3) % 10] || '. '
           || repeat('Doors open an hour before; food and drinks are served all night. ', 1 + i % 4),
       'Hall ' || (i % 50) || ', ' || g.cities[1 + (i / 7) % 10],
       now() + (i % 365) * interval '1 day' + (i % 24) * interval '1 hour',
       now() + (i % 365) * interval '1 day' + (i % 24) * interval '1 hour' + interval '3 hours',
       (i % 100) * 1000000000000000::numeric,
       100 + i % 900
from generate_series(1, :events) i,
     (select array['Jazz', 'Rock', 'Techno', 'Classical', 'Blues', 'Folk', 'Hiphop', 'Opera', 'Comedy', 'Poetry',
                   'Blockchain', 'Design', 'Startup', 'Science', 'Film', 'Food', 'Wine', 'Yoga', 'Chess', 'Salsa'] as genres,
             array['Night', 'Festival', 'Conference', 'Meetup', 'Workshop', 'Concert', 'Party', 'Summit', 'Tour', 'Session'] as kinds,
             array['Berlin', 'Paris', 'Lisbon', 'Madrid', 'Vienna', 'Prague', 'Warsaw', 'Rome', 'Athens', 'Dublin'] as cities) g;

vacuum analyze events;
vacuum analyze users;
