import { type Component, h } from 'vue';

/**
 * A line icon (24×24 viewBox, stroke = currentColor) from SVG path data, for navigation entries and
 * buttons, so the console and plugins need no icon font. Paths in the style of Feather/Lucide fit.
 *
 * @example
 * export const WrenchIcon = lineIcon('M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.77-3.77a6 6 0 0 1-7.94 7.94l-6.91 6.91a2.12 2.12 0 0 1-3-3l6.91-6.91a6 6 0 0 1 7.94-7.94l-3.76 3.76z');
 * // nav: [{ to: 'warranty.repairs', label: 'warranty.nav.repairs', icon: WrenchIcon }]
 */
export function lineIcon(...paths: string[]): Component {
  return {
    name: 'AftercareIcon',
    render: () =>
      h(
        'svg',
        {
          xmlns: 'http://www.w3.org/2000/svg',
          viewBox: '0 0 24 24',
          width: '1em',
          height: '1em',
          fill: 'none',
          stroke: 'currentColor',
          'stroke-width': 1.8,
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
          'aria-hidden': 'true',
        },
        paths.map((d) => h('path', { d })),
      ),
  };
}
