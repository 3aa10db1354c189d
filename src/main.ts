// The page's entry: registers the app element.
import './ui/cs-app';
