/** A file to download as an item of a link list: the link asks the browser to save the file. */
export function DownloadItem(props: {
  readonly href: string;
  readonly label: string;
}): JSX.Element {
  return (
    <li>
      <a class="app-link" href={props.href} download="" safe>
        {props.label}
      </a>
    </li>
  );
}
