/**
 * First-in first-out queue of waiting units (containers, wagons) for the simulations: arrival time and unit id in
 * a growable ring of typed arrays, so a backlog of a million units costs 12 bytes each and no per-unit objects.
 */
export class UnitFifo {
  private arrivals: Float64Array;
  private units: Int32Array;
  private head = 0;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.arrivals = new Float64Array(initialCapacity);
    this.units = new Int32Array(initialCapacity);
  }

  push(arrivalH: number, unit: number): void {
    if (this.length === this.arrivals.length) this.grow();
    const cap = this.arrivals.length;
    let i = this.head + this.length;
    if (i >= cap) i -= cap; // cheaper than % on this path
    this.arrivals[i] = arrivalH;
    this.units[i] = unit;
    this.length++;
  }

  /** Arrival time of the oldest unit (undefined behaviour when empty). */
  peekArrivalH(): number {
    return this.arrivals[this.head] ?? Number.NaN;
  }

  /** Unit id of the oldest unit (undefined behaviour when empty). */
  peekUnit(): number {
    return this.units[this.head] ?? -1;
  }

  /**
   * Drops the k oldest units (k <= length), appending the wait of each, nowH minus its arrival, to `waits` in
   * queue order: the boarding of a sailing in one loop over the ring, for units whose ids nobody needs.
   */
  shiftWaits(k: number, nowH: number, waits: FloatList): void {
    waits.reserve(k);
    const data = waits.data;
    const arrivals = this.arrivals;
    const cap = arrivals.length;
    let at = waits.length;
    let h = this.head;
    for (let i = 0; i < k; i++) {
      data[at++] = nowH - (arrivals[h] ?? 0);
      if (++h === cap) h = 0;
    }
    this.head = h;
    this.length -= k;
    waits.length = at;
  }

  /** Drops the oldest unit. */
  shift(): void {
    this.head++;
    if (this.head === this.arrivals.length) this.head = 0;
    this.length--;
  }

  private grow(): void {
    const cap = this.arrivals.length;
    const arrivals = new Float64Array(cap * 2);
    const units = new Int32Array(cap * 2);
    // the ring unrolled: from the head to the end of the arrays, then the part that wrapped to the start
    const tail = Math.min(this.length, cap - this.head);
    arrivals.set(this.arrivals.subarray(this.head, this.head + tail));
    arrivals.set(this.arrivals.subarray(0, this.length - tail), tail);
    units.set(this.units.subarray(this.head, this.head + tail));
    units.set(this.units.subarray(0, this.length - tail), tail);
    this.arrivals = arrivals;
    this.units = units;
    this.head = 0;
  }
}

/** A growable Float64Array, for samples whose count is not known in advance. */
export class FloatList {
  data: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(initialCapacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = x;
  }

  /** Makes room for k more values (doubling). Out of push, so that push stays small enough for V8 to inline. */
  reserve(k: number): void {
    if (this.length + k <= this.data.length) return;
    let n = this.data.length * 2;
    while (n < this.length + k) n *= 2;
    const d = new Float64Array(n);
    d.set(this.data.subarray(0, this.length));
    this.data = d;
  }

  /** A view of the filled part (shares memory). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
