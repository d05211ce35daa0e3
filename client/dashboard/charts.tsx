import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Only the parts of chart.js we draw with: bars and lines on category/linear axes.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export const palette = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#8b5cf6', '#0ea5e9', '#ec4899', '#64748b'];

export interface ChartProps {
  type: 'bar' | 'line';
  /** A label given as lines is drawn on several lines. */
  labels: (string | string[])[];
  datasets: ChartDataset<'bar' | 'line', number[]>[];
  /** Axis ticks and tooltips: money or counts. */
  format?: (value: number) => string;
  dark?: boolean;
  stacked?: boolean;
  /** Large text for the wall screen. */
  fontSize?: number;
  /** Bars along the x axis, the labels down the y axis, each on its own line (long names never collide). */
  horizontal?: boolean;
  label: string;
}

/**
 * One chart.js instance per mounted component: new data updates it in place (no new canvas, no
 * new listeners), so a page that redraws for days does not grow.
 */
export function ChartView({ type, labels, datasets, format, dark, stacked, fontSize = 12, horizontal = false, label }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    const ink = dark ? '#cbd5e1' : '#475569';
    const grid = dark ? 'rgba(148,163,184,0.18)' : 'rgba(100,116,139,0.15)';
    const ticks = { color: ink, font: { size: fontSize } };
    const category = { stacked, ticks, grid: { color: grid } };
    // Lying along the x axis, sums stay level: those that would touch are skipped rather than tilted.
    const level = horizontal ? { maxRotation: 0, autoSkipPadding: 16 } : {};
    const value = { stacked, beginAtZero: true, ticks: { ...ticks, ...level, ...(format ? { callback: (tick: string | number) => format(Number(tick)) } : {}) }, grid: { color: grid } };
    chart.current = new Chart<'bar' | 'line', number[], string | string[]>(canvas.current!, {
      type,
      data: { labels, datasets: datasets.map((dataset) => ({ ...dataset })) },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { labels: { color: ink, font: { size: fontSize } } },
          tooltip: { callbacks: format ? { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` } : {} },
        },
        scales: horizontal ? { x: value, y: category } : { x: category, y: value },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [type, dark, stacked, fontSize, horizontal]);
  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    current.data.labels = labels;
    // Update the dataset objects in place: chart.js keys its per-dataset state by object identity,
    // and fresh objects on every update would leave a trail of dropped metasets behind.
    const kept = current.data.datasets;
    datasets.forEach((dataset, index) => {
      if (kept[index]) Object.assign(kept[index], dataset);
      else kept.push({ ...dataset } as (typeof kept)[number]);
    });
    kept.length = datasets.length;
    current.update('none');
  }, [labels, datasets]);
  return (
    <div class="chart-box" data-index-axis={horizontal ? 'y' : 'x'}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
