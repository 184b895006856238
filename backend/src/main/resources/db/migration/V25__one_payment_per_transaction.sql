-- One transaction is one payment. The row a client's report creates and the purchase the indexer
-- sees in that transaction are the same row, keyed by (tx_hash, purchase_index): the purchase's
-- position among the TicketsPurchased logs of its transaction (0 for a wallet's purchase, the only
-- one). Reports and the indexer insert on conflict, so concurrent reports cannot make two rows.
-- sender_address is the transaction's sender as the node reported it: the payment is the sender's
-- (and the buyer's), not whoever reported the hash.
alter table payments add column purchase_index integer not null default 0;
alter table payments add column sender_address varchar(42);

-- Rows that concurrent reports of one hash left behind: an unmined row is a duplicate when its
-- transaction has a mined row or an older row.
delete from payments p
where p.payment_id is null
  and exists (select 1 from payments o
              where o.tx_hash = p.tx_hash and o.id <> p.id and (o.payment_id is not null or o.id < p.id));

-- Several purchases in one transaction (a contract buying twice) keep their order by log index.
update payments p set purchase_index = r.position
from (select id, row_number() over (partition by tx_hash order by log_index nulls last, id) - 1 as position
      from payments) r
where r.id = p.id and r.position <> 0;

create unique index payments_tx_purchase_key on payments (tx_hash, purchase_index);
drop index payments_tx_idx;
create index payments_sender_idx on payments (sender_address, id);
