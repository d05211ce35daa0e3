import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/** Preact core has no memo (it lives in compat): a component that re-renders only when a prop changes identity. */
export function memo<P extends object>(Inner: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const keys = Object.keys(next);
      return keys.length !== Object.keys(prev).length || keys.some((key) => (next as Record<string, unknown>)[key] !== prev[key]);
    }
    override render() {
      return h(Inner, this.props as P);
    }
  }
  return Memo as unknown as ComponentType<P>;
}
