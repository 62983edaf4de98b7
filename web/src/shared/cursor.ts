/**
 * Cursor pagination state: the API hands out an opaque `next_cursor`; going
 * back needs the cursors of the pages already seen, kept as a stack.
 */
export class CursorStack {
  /** Cursor that loaded each page seen so far; the first page has none. */
  private stack: (string | null)[] = [null]
  private next: string | null = null

  /** Cursor to use for the page now shown. */
  get current(): string | null {
    return this.stack[this.stack.length - 1]
  }

  /** 1-based number of the page now shown. */
  get pageNumber(): number {
    return this.stack.length
  }

  get hasPrev(): boolean {
    return this.stack.length > 1
  }

  get hasNext(): boolean {
    return this.next !== null
  }

  /** Record the `next_cursor` of the page just loaded. */
  loaded(nextCursor: string | null): void {
    this.next = nextCursor || null
  }

  /** Move forward; returns the cursor to load, or null when there is no next page. */
  forward(): string | null {
    if (this.next === null) return null
    this.stack.push(this.next)
    this.next = null
    return this.current
  }

  /** Move back; returns false on the first page. */
  back(): boolean {
    if (!this.hasPrev) return false
    this.stack.pop()
    this.next = null
    return true
  }

  /** Back to the first page (new filter). */
  reset(): void {
    this.stack = [null]
    this.next = null
  }
}
