-- The secret ballot, unlinkable even with the whole database (docs/security.md, "The secret ballot").
--
-- A vote marks its code used and puts the ballot here, in one transaction: one person one vote stays
-- exact and nothing is lost on a crash. A job moves the queued ballots of an evaluation into eval_ballot
-- only once at least k of them wait (cxzy.evaluation.batch-size), and all of them when the window has
-- closed: shuffled, under new random ids, dated to the day, in a transaction of its own that deletes
-- them here. So a ballot's row shares its transaction (xmin), its place in the table and its day with
-- at least k-1 other ballots, and with no code. Random ids; no reference to eval_evaluation, so that a
-- vote takes no lock on the evaluation the job locks while it moves a batch.
create table eval_ballot_queue (
    id            varchar(36)   not null primary key,
    evaluation_id bigint        not null,
    ratings       varchar(4000) not null,
    opinion       varchar(500)
);
create index idx_ballot_queue_evaluation on eval_ballot_queue (evaluation_id);

-- The printable sheet is no longer stored: its codes are derived from the server's pepper, the
-- evaluation and this random salt, kept only while the window is open (deleted when it closes, so
-- that the sheet cannot be printed again). eval_code_sheet keeps the plain codes of the windows that
-- were open when this version was installed, until they close.
create table eval_code_key (
    evaluation_id bigint      not null primary key references eval_evaluation (id),
    salt          varchar(64) not null
);
