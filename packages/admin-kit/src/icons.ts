import { type Component, h } from 'vue';

/**
 * A line icon (24×24 viewBox, stroke = currentColor) from SVG path data, so the console and plugins
 * draw navigation icons without an icon-font download and in one consistent style.
 *
 * @example
 * export const WrenchIcon = lineIcon('M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z');
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
