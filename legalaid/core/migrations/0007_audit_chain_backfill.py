"""Chain the rows written before issue 14: copy the actors' names into them, number and hash them (batched).

Rows are chained in id order (the order they were written in). Reversed: the names, numbers and hashes are emptied
and the head row deleted (migration 0009's trigger is dropped first, when migrating back past it).
"""

from django.db import migrations

from legalaid.core import chain

BATCH = 1000

TABLES = (
    # (chain, model, user field, copied username field, copied name field)
    ("audit", "AuditEntry", "actor_id", "actor_username", "actor_name"),
    ("access", "AccessLogEntry", "user_id", "user_username", "user_name"),
)


def forward(apps, schema_editor):
    using = schema_editor.connection.alias
    labels = chain.content_type_labels(apps.get_model("contenttypes", "ContentType").objects.using(using).all())
    User = apps.get_model("core", "User")
    Head = apps.get_model("core", "AuditChainHead")
    head = Head(pk=1)
    for name, model_name, user_field, username_field, name_field in TABLES:
        model = apps.get_model("core", model_name)
        names: dict[int, tuple[str, str]] = {}
        seq, prev, last_id = 0, "", 0
        while True:
            rows = list(model.objects.using(using).filter(id__gt=last_id).order_by("id")[:BATCH])
            if not rows:
                break
            wanted = {getattr(r, user_field) for r in rows} - set(names) - {None}
            for user in User.objects.using(using).filter(pk__in=wanted).only("username", "full_name"):
                names[user.pk] = (user.username[:150], user.full_name[:120])
            for row in rows:
                user_id = getattr(row, user_field)
                if user_id is not None:
                    setattr(row, username_field, names[user_id][0])
                    setattr(row, name_field, names[user_id][1])
                seq += 1
                row.seq, row.prev_hash = seq, prev
                if name == "audit":
                    row.before, row.after = chain.json_ready(row.before), chain.json_ready(row.after)
                row.hash = prev = chain.row_hash(name, row, labels.__getitem__)
            model.objects.using(using).bulk_update(
                rows, ["seq", "prev_hash", "hash", username_field, name_field], batch_size=BATCH
            )
            last_id = rows[-1].id
        setattr(head, f"{name}_seq", seq)
        setattr(head, f"{name}_hash", prev)
    Head.objects.using(using).filter(pk=1).delete()
    head.save(using=using)


def backward(apps, schema_editor):
    using = schema_editor.connection.alias
    for _name, model_name, _user, username_field, name_field in TABLES:
        apps.get_model("core", model_name).objects.using(using).update(
            seq=None, prev_hash="", hash="", **{username_field: "", name_field: ""}
        )
    apps.get_model("core", "AuditChainHead").objects.using(using).all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0006_audit_chain_fields")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
