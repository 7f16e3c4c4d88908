-- The version of the organization tree: raised by every import in its own transaction, so that each
-- node's in-memory copy of the tree (OrganizationService) is read again once it changed on any node.
create table org_directory (
    id      int    not null primary key,
    version bigint not null
);
insert into org_directory (id, version) values (1, 0);
