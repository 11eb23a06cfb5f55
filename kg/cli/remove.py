"""kg remove: retract articles from a store."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import StoreError
from .query import store_option


@click.command("remove")
@click.argument("article_ids", nargs=-1, required=True, metavar="ARTICLE_ID...")
@store_option
def command(article_ids: tuple[str, ...], store_dir: Path) -> None:
    """Remove articles from the store, with every fact only they supported.

    Entities and facts that other articles also report stay. List the stored
    articles' ids with `kg query --name articles`.

    \b
    Example:
        kg remove afg_2021-06-20_kunduz_maimana --store kg-store
    """
    from ..store import Store

    with Store(store_dir, create=False) as store:
        missing = [article_id for article_id in article_ids if not store.remove(article_id)]
        removed = len(article_ids) - len(missing)
        click.echo(f"Removed {removed} article(s); the store holds {len(store.articles())} article(s).")
    if missing:
        raise StoreError(f"not in the store: {', '.join(missing)}",
                         hint=f"list the stored ids with: kg query --store {store_dir} --name articles")
