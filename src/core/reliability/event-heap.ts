/**
 * The event calendar of the discrete-event simulations: a binary min-heap on (time, sequence) kept in parallel
 * typed arrays (after flatqueue), so pushing and popping allocate nothing once the arrays have grown. The
 * sequence number breaks ties first-in first-out, which makes runs reproducible when events coincide (a sailing
 * and an arrival in the same hour). Growth doubles the arrays: amortised O(1) per push, O(log n) to reorder.
 * Reads within `size` carry `?? 0`: never taken there, and free in V8 after the typed array's bounds check.
 */
export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private nextSeq = 0;
  size = 0;
  /** Time of the event returned by the last pop(). */
  lastTimeH = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(2, initialCapacity);
    this.times = new Float64Array(n);
    this.seqs = new Float64Array(n);
    this.payloads = new Int32Array(n);
  }

  clear(): void {
    this.size = 0;
    this.nextSeq = 0;
    this.lastTimeH = 0;
  }

  /** Schedules an event carrying an integer payload (an entity id or an event-type code). */
  push(timeH: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const seq = this.nextSeq++;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p] ?? 0;
      const sp = seqs[p] ?? 0;
      if (tp < timeH || (tp === timeH && sp < seq)) break;
      times[i] = tp;
      seqs[i] = sp;
      payloads[i] = payloads[p] ?? 0;
      i = p;
    }
    times[i] = timeH;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Removes the earliest event and returns its payload; its time is in lastTimeH. Caller checks size > 0. */
  pop(): number {
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0] ?? 0;
    this.lastTimeH = times[0] ?? 0;
    const n = --this.size;
    if (n > 0) {
      const t = times[n] ?? 0;
      const s = seqs[n] ?? 0;
      const pl = payloads[n] ?? 0;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let tc = times[c] ?? 0;
        let sc = seqs[c] ?? 0;
        const r = c + 1;
        if (r < n) {
          const tr = times[r] ?? 0;
          const sr = seqs[r] ?? 0;
          if (tr < tc || (tr === tc && sr < sc)) {
            c = r;
            tc = tr;
            sc = sr;
          }
        }
        if (tc > t || (tc === t && sc > s)) break;
        times[i] = tc;
        seqs[i] = sc;
        payloads[i] = payloads[c] ?? 0;
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      payloads[i] = pl;
    }
    return top;
  }

  /** Time of the earliest pending event (undefined behaviour when empty). */
  peekTimeH(): number {
    return this.times[0] ?? Number.NaN;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    const seqs = new Float64Array(n);
    const payloads = new Int32Array(n);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
}
